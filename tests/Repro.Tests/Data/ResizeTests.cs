using Repro.Data;
using SixLabors.ImageSharp.PixelFormats;

namespace Repro.Tests.Data;

public class ResizeTests
{
    private static DatasetSplits LoadWithTrainImage(byte[] file, string name, int size)
    {
        TestRuntime.Init();
        string root = TestImages.WriteValidDataset(RepoPaths.NewTempDir("resize"), size);
        File.WriteAllBytes(Path.Combine(root, "train", "normal", name), file);
        return DatasetLoader.Load(TestImages.Options(root, size));
    }

    private static byte[] PixelsOf(TensorSet set, string path)
    {
        int i = set.Paths.ToList().IndexOf(path);
        Assert.True(i >= 0, path);
        return set.Images[i].contiguous().data<byte>().ToArray();
    }

    [Fact]
    public void Image_at_size_passes_through_byte_identical()
    {
        byte[] pixels = TestImages.Pattern(32, 32, 77);
        using var splits = LoadWithTrainImage(TestImages.GreyPng(pixels, 32, 32), "A_0001_1.LEFT_CC.png", 32);
        Assert.Equal(pixels, PixelsOf(splits.Train, "train/normal/A_0001_1.LEFT_CC.png"));
    }

    [Fact]
    public void Grey_jpeg_at_size_keeps_its_decoded_values()
    {
        byte[] jpeg = TestImages.GreyJpeg(32, 32, 9);
        using var reference = SixLabors.ImageSharp.Image.Load<L8>(jpeg);
        var expected = new byte[32 * 32];
        reference.CopyPixelDataTo(expected);
        using var splits = LoadWithTrainImage(jpeg, "A_0001_1.LEFT_CC.jpg", 32);
        Assert.Equal(expected, PixelsOf(splits.Train, "train/normal/A_0001_1.LEFT_CC.jpg"));
    }

    [Fact]
    public void Other_sizes_are_stretched_to_the_square_size()
    {
        // 64 wide, 48 high: a uniform image stays uniform, and a left/right split stays a left/right split.
        var pixels = new byte[64 * 48];
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++)
                pixels[y * 64 + x] = (byte)(x < 32 ? 40 : 200);
        using var splits = LoadWithTrainImage(TestImages.GreyPng(pixels, 64, 48), "A_0001_1.LEFT_CC.png", 32);
        int i = splits.Train.Paths.ToList().IndexOf("train/normal/A_0001_1.LEFT_CC.png");
        Assert.Equal(new long[] { 1, 32, 32 }, splits.Train.Images[i].shape);
        byte[] resized = PixelsOf(splits.Train, "train/normal/A_0001_1.LEFT_CC.png");
        for (int y = 0; y < 32; y++)
        {
            Assert.Equal(40, resized[y * 32]);
            Assert.Equal(40, resized[y * 32 + 14]);
            Assert.Equal(200, resized[y * 32 + 17]);
            Assert.Equal(200, resized[y * 32 + 31]);
            Assert.InRange(resized[y * 32 + 15], 40, 200);
        }
    }

    [Fact]
    public void Colour_input_becomes_bt709_luminance()
    {
        // Pure red: BT.709 gives round(0.2126 * 255) = 54 (PIL's BT.601 "L" would give 76).
        using var splits = LoadWithTrainImage(TestImages.RgbPng(16, 16, new Rgb24(255, 0, 0)), "A_0001_1.LEFT_CC.png", 16);
        Assert.All(PixelsOf(splits.Train, "train/normal/A_0001_1.LEFT_CC.png"), v => Assert.Equal(54, v));
    }
}
