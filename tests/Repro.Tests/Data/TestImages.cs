using Repro.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Repro.Tests.Data;

/// <summary>Small hand-made images and dataset folders for the loader tests.</summary>
internal static class TestImages
{
    /// <summary>Grey pixels with a pattern that depends on <paramref name="salt"/>.</summary>
    public static byte[] Pattern(int width, int height, int salt)
    {
        var p = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                p[y * width + x] = (byte)((x * 7 + y * 13 + salt * 31 + x * y) & 0xFF);
        return p;
    }

    /// <summary>An 8-bit grey PNG of <paramref name="pixels"/>.</summary>
    public static byte[] GreyPng(byte[] pixels, int width, int height)
    {
        using var image = Image.LoadPixelData<L8>(pixels, width, height);
        using var ms = new MemoryStream();
        image.Save(ms, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });
        return ms.ToArray();
    }

    /// <summary>An 8-bit grey JPEG of a pattern.</summary>
    public static byte[] GreyJpeg(int width, int height, int salt)
    {
        using var image = Image.LoadPixelData<L8>(Pattern(width, height, salt), width, height);
        using var ms = new MemoryStream();
        image.Save(ms, new JpegEncoder { ColorType = JpegColorType.Luminance, Quality = 90 });
        return ms.ToArray();
    }

    /// <summary>A 16-bit grey PNG.</summary>
    public static byte[] Grey16Png(int width, int height)
    {
        using var image = new Image<L16>(width, height, new L16(40000));
        using var ms = new MemoryStream();
        image.Save(ms, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 });
        return ms.ToArray();
    }

    /// <summary>An 8-bit RGB PNG filled with one colour.</summary>
    public static byte[] RgbPng(int width, int height, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        using var ms = new MemoryStream();
        image.Save(ms, new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 });
        return ms.ToArray();
    }

    /// <summary>
    /// A genuine 8×8 Adobe CMYK JPEG, built byte by byte: ImageSharp 2.1's encoder cannot write CMYK.
    /// Baseline, 4 components (C, M, Y, K) at 1×1 sampling, an APP14 "Adobe" marker with transform 0
    /// (plain CMYK), one quantisation table, minimal Huffman tables whose single code "0" means DC
    /// category 0 and AC end-of-block: each component's one block is flat, so the scan is 8 zero bits.
    /// </summary>
    public static byte[] CmykJpeg()
    {
        var b = new List<byte> { 0xFF, 0xD8 };
        b.AddRange([0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00]);
        b.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        b.AddRange(Enumerable.Repeat((byte)1, 64));
        b.AddRange([0xFF, 0xC0, 0x00, 0x14, 0x08, 0x00, 0x08, 0x00, 0x08, 0x04]);
        for (byte c = 1; c <= 4; c++) b.AddRange([c, 0x11, 0x00]);
        b.AddRange([0xFF, 0xC4, 0x00, 0x26]);
        foreach (byte tableClass in new byte[] { 0x00, 0x10 })
        {
            b.Add(tableClass);
            b.Add(1);
            b.AddRange(new byte[15]);
            b.Add(0x00);
        }
        b.AddRange([0xFF, 0xDA, 0x00, 0x0E, 0x04]);
        for (byte c = 1; c <= 4; c++) b.AddRange([c, 0x00]);
        b.AddRange([0x00, 0x3F, 0x00]);
        b.Add(0x00);
        b.AddRange([0xFF, 0xD9]);
        return b.ToArray();
    }

    /// <summary>
    /// A valid dataset under <paramref name="root"/>: every split and class with two grey PNGs of
    /// <paramref name="size"/>² (test uses <c>malignant/</c>); returns the root.
    /// </summary>
    public static string WriteValidDataset(string root, int size = 16)
    {
        int salt = 0;
        foreach (string split in new[] { "train", "val", "test" })
            for (int label = 0; label < ClassLabels.Count; label++)
            {
                string folder = label == ClassLabels.Cancer && split == "test" ? "malignant" : ClassLabels.Names[label];
                string dir = Path.Combine(root, split, folder);
                Directory.CreateDirectory(dir);
                for (int i = 0; i < 2; i++)
                {
                    salt++;
                    File.WriteAllBytes(Path.Combine(dir, $"P_{salt:D5}_LEFT_{(i == 0 ? "CC" : "MLO")}.png"), GreyPng(Pattern(size, size, salt), size, size));
                }
            }
        return root;
    }

    /// <summary>Options reading <paramref name="root"/> at <paramref name="size"/> with a private cache folder.</summary>
    public static DataOptions Options(string root, int size = 16) =>
        new() { Directory = root, ImageSize = size, CacheDirectory = RepoPaths.NewTempDir("cache") };
}
