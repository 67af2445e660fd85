using Repro.Data;

namespace Repro.Tests.Data;

public class HarmonizeTests
{
    private static DataOptions Small(int? quality) => new()
    {
        ImageSize = 48,
        Synthetic = new SyntheticOptions { Seed = 416, Scale = 0.05 },
        CacheDirectory = RepoPaths.NewTempDir("harmonize-cache"),
        HarmonizeJpegQuality = quality,
    };

    [Fact]
    public void Harmonized_data_is_every_image_through_one_jpeg_round_trip()
    {
        using var plain = DatasetLoader.Load(Small(null));
        using var harmonized = DatasetLoader.Load(Small(75));
        Assert.NotEqual(plain.Fingerprint, harmonized.Fingerprint);
        Assert.Contains("jpeg-imagesharp-luminance-q75", harmonized.Source);
        Assert.Equal(plain.Test.Paths, harmonized.Test.Paths);
        // each harmonised image is the plain image encoded at quality 75 and decoded again (the synthetic set is at size)
        byte[] first = plain.Test.Images[0].data<byte>().ToArray();
        var (jpeg, pixels) = ImageDecoding.Harmonize(first, 48, 48, 75);
        Assert.Equal(pixels, harmonized.Test.Images[0].data<byte>().ToArray());
        Assert.Equal(0xFF, jpeg[0]);
        Assert.Equal(0xD8, jpeg[1]);
        Assert.NotEqual(first, pixels); // lossy: the round trip changes pixels
        // a second round trip at the same quality moves far less than the first (JPEG is nearly idempotent)
        var (_, twice) = ImageDecoding.Harmonize(pixels, 48, 48, 75);
        Assert.True(MeanAbs(pixels, twice) < MeanAbs(first, pixels), $"{MeanAbs(pixels, twice)} vs {MeanAbs(first, pixels)}");
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetLoader.Load(Small(0)));
    }

    [Fact]
    public void Harmonizing_is_part_of_the_cache_key()
    {
        var options = Small(90);
        using (var first = DatasetLoader.Load(options)) Assert.False(first.FromCache);
        using (var again = DatasetLoader.Load(options)) Assert.True(again.FromCache);
        using (var other = DatasetLoader.Load(options with { HarmonizeJpegQuality = 50 })) Assert.False(other.FromCache);
        using (var plain = DatasetLoader.Load(options with { HarmonizeJpegQuality = null })) Assert.False(plain.FromCache);
    }

    private static double MeanAbs(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
}
