using Repro.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace Repro.Tests.Data;

/// <summary>Every kind of bad input gives an error naming the file (or folder) and the reason.</summary>
public class BadInputTests
{
    private static string ValidDataset() => TestImages.WriteValidDataset(RepoPaths.NewTempDir("bad"));

    private static InvalidDataException LoadFails(DataOptions options)
    {
        TestRuntime.Init();
        return Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(options).Dispose());
    }

    /// <summary>Puts <paramref name="bytes"/> at train/benign/<paramref name="name"/> and checks the error names it and the reason.</summary>
    private static void BadFileIsReported(string name, byte[] bytes, string reason, Func<DataOptions, DataOptions>? tweak = null)
    {
        string root = ValidDataset();
        File.WriteAllBytes(Path.Combine(root, "train", "benign", name), bytes);
        var options = TestImages.Options(root);
        if (tweak is not null) options = tweak(options);
        var e = LoadFails(options);
        Assert.StartsWith($"train/benign/{name}: ", e.Message);
        Assert.Contains(reason, e.Message);

        // With the skip option the same file is left out and listed; the rest loads.
        TestRuntime.Init();
        using var splits = DatasetLoader.Load(options with { SkipBadFiles = true, CacheDirectory = RepoPaths.NewTempDir("cache") });
        var skipped = Assert.Single(splits.Skipped);
        Assert.Equal($"train/benign/{name}", skipped.Path);
        Assert.Contains(reason, skipped.Reason);
        Assert.Equal(new[] { 2, 2, 2 }, splits.Train.ClassCounts());
        Assert.DoesNotContain($"train/benign/{name}", splits.Train.Paths);
    }

    [Fact]
    public void Zero_byte_file() => BadFileIsReported("P_09999_LEFT_CC.jpg", [], "empty file (0 bytes)");

    [Fact]
    public void Truncated_jpeg()
    {
        byte[] jpeg = TestImages.GreyJpeg(32, 32, 5);
        BadFileIsReported("P_09999_LEFT_CC.jpg", jpeg[..(jpeg.Length * 2 / 3)], "truncated JPEG");
    }

    [Fact]
    public void Truncated_png()
    {
        byte[] png = TestImages.GreyPng(TestImages.Pattern(16, 16, 3), 16, 16);
        BadFileIsReported("P_09999_LEFT_CC.png", png[..(png.Length - 20)], "truncated PNG");
    }

    [Fact]
    public void Corrupt_jpeg_structure()
    {
        // A JPEG with its frame header (SOF0) cut out: the scan comes before any frame.
        byte[] jpeg = TestImages.GreyJpeg(32, 32, 5);
        int sof = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
        int length = (jpeg[sof + 2] << 8) | jpeg[sof + 3];
        byte[] corrupt = [.. jpeg[..sof], .. jpeg[(sof + 2 + length)..]];
        BadFileIsReported("P_09999_LEFT_CC.jpg", corrupt, "corrupt JPEG: scan data before the frame header");
    }

    [Fact]
    public void Corrupt_png_data()
    {
        // Valid structure, scrambled compressed pixel data: only the decoder can tell.
        byte[] png = TestImages.GreyPng(TestImages.Pattern(16, 16, 3), 16, 16);
        int idat = png.AsSpan().IndexOf("IDAT"u8);
        for (int i = idat + 4; i < idat + 14; i++) png[i] ^= 0xA5;
        BadFileIsReported("P_09999_LEFT_CC.png", png, "corrupt PNG");
    }

    [Fact]
    public void Text_file_named_jpg() =>
        BadFileIsReported("P_09999_LEFT_CC.jpg", "this is not an image\n"u8.ToArray(), "not a JPEG or PNG image");

    [Fact]
    public void Other_image_format_is_not_read()
    {
        using var image = new Image<SixLabors.ImageSharp.PixelFormats.L8>(8, 8);
        using var ms = new MemoryStream();
        image.SaveAsBmp(ms);
        BadFileIsReported("P_09999_LEFT_CC.bmp", ms.ToArray(), "not a JPEG or PNG image");
    }

    [Fact]
    public void Sixteen_bit_png() => BadFileIsReported("P_09999_LEFT_CC.png", TestImages.Grey16Png(16, 16), "16-bit PNG");

    [Fact]
    public void Cmyk_jpeg()
    {
        byte[] cmyk = TestImages.CmykJpeg();
        // ImageSharp itself (an independent reader) sees a CMYK JPEG in these bytes.
        Assert.Equal(JpegColorType.Cmyk, Image.Identify(cmyk).Metadata.GetJpegMetadata().ColorType);
        BadFileIsReported("P_09999_LEFT_CC.jpg", cmyk, "CMYK");
    }

    [Fact]
    public void Absurd_dimensions_in_the_header()
    {
        // A real JPEG whose frame header claims 65535 x 65535: refused from the header, before decoding.
        byte[] jpeg = TestImages.GreyJpeg(16, 16, 1);
        int sof = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
        jpeg[sof + 5] = 0xFF; jpeg[sof + 6] = 0xFF; jpeg[sof + 7] = 0xFF; jpeg[sof + 8] = 0xFF;
        BadFileIsReported("P_09999_LEFT_CC.jpg", jpeg, "absurd dimensions 65535x65535");
    }

    [Fact]
    public void Decoded_pixel_cap_is_checked_before_decoding() =>
        BadFileIsReported("P_09999_LEFT_CC.png", TestImages.GreyPng(TestImages.Pattern(64, 64, 1), 64, 64),
            "absurd dimensions 64x64", o => o with { MaxDecodedPixels = 1000 });

    [Fact]
    public void Stray_file_in_a_split_folder()
    {
        string root = ValidDataset();
        File.WriteAllText(Path.Combine(root, "val", "notes.txt"), "hello");
        var e = LoadFails(TestImages.Options(root));
        Assert.StartsWith("val/notes.txt: file outside a class folder", e.Message);
    }

    [Fact]
    public void Unknown_class_folder()
    {
        string root = ValidDataset();
        Directory.CreateDirectory(Path.Combine(root, "train", "suspicious"));
        var e = LoadFails(TestImages.Options(root) with { SkipBadFiles = true });
        Assert.StartsWith("train/suspicious: unknown class folder", e.Message);
    }

    [Fact]
    public void Empty_class_folder()
    {
        string root = ValidDataset();
        foreach (var f in Directory.GetFiles(Path.Combine(root, "val", "benign"))) File.Delete(f);
        var e = LoadFails(TestImages.Options(root) with { SkipBadFiles = true });
        Assert.StartsWith("val/benign: empty class folder", e.Message);
    }

    [Fact]
    public void Class_left_empty_by_skipping_is_an_error()
    {
        string root = ValidDataset();
        foreach (var f in Directory.GetFiles(Path.Combine(root, "val", "benign"))) File.WriteAllBytes(f, []);
        var e = LoadFails(TestImages.Options(root) with { SkipBadFiles = true });
        Assert.StartsWith("val/benign: no usable image left", e.Message);
    }

    [Fact]
    public void Missing_class_folder()
    {
        string root = ValidDataset();
        Directory.Delete(Path.Combine(root, "test", "malignant"), recursive: true);
        var e = LoadFails(TestImages.Options(root));
        Assert.Contains("test/: missing class folder 'cancer/'", e.Message);
    }

    [Fact]
    public void Missing_split()
    {
        string root = ValidDataset();
        Directory.Delete(Path.Combine(root, "val"), recursive: true);
        var e = LoadFails(TestImages.Options(root) with { SkipBadFiles = true });
        Assert.Contains("missing split folder 'val/'", e.Message);
    }

    [Fact]
    public void Missing_dataset_folder()
    {
        TestRuntime.Init();
        string root = Path.Combine(RepoPaths.NewTempDir("bad"), "nowhere");
        var e = Assert.Throws<DirectoryNotFoundException>(() => DatasetLoader.Load(TestImages.Options(root)));
        Assert.Contains(root, e.Message);
    }

    [Fact]
    public void Every_bad_file_is_listed_when_skipping_and_the_first_is_named_otherwise()
    {
        string root = ValidDataset();
        File.WriteAllBytes(Path.Combine(root, "train", "normal", "P_09998_LEFT_CC.jpg"), []);
        File.WriteAllText(Path.Combine(root, "test", "malignant", "P_09997_LEFT_CC.png"), "nope");
        var e = LoadFails(TestImages.Options(root));
        Assert.StartsWith("test/malignant/P_09997_LEFT_CC.png: not a JPEG or PNG image", e.Message);
        Assert.Contains("and 1 more bad file", e.Message);

        TestRuntime.Init();
        using var splits = DatasetLoader.Load(TestImages.Options(root) with { SkipBadFiles = true });
        Assert.Equal(new[] { "test/malignant/P_09997_LEFT_CC.png", "train/normal/P_09998_LEFT_CC.jpg" },
            splits.Skipped.Select(s => s.Path).ToArray());
        Assert.Equal(6, splits.Train.Count);
        Assert.Equal(6, splits.Test.Count);
    }
}
