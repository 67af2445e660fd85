using Repro.Data.Augment;
using static Repro.Tests.Data.Augment.AugmentTestData;
using static TorchSharp.torch;

namespace Repro.Tests.Data.Augment;

public class PhotometricTests
{
    [Fact]
    public void Normalize_subtracts_mean_and_divides_by_std_per_channel()
    {
        using var g = Gen();
        using var x = tensor(new float[] { 0.5f, 1.0f, 0.0f, 0.2f }).view(1, 2, 1, 2);
        using var y = new Normalize([0.5, 0.1], [0.25, 0.5]).Apply(x, g);
        Assert.Equal(new float[] { 0f, 2f, -0.2f, 0.2f }, Values(y), new FloatTolerance(1e-6f));
        Assert.Throws<ArgumentException>(() => new Normalize([0.5, 0.1, 0.2], [1, 1, 1]).Apply(x, g));
    }

    [Fact]
    public void Clamp_bounds_values()
    {
        using var g = Gen();
        using var x = tensor(new float[] { -1f, 0.5f, 2f, 1f }).view(1, 1, 2, 2);
        using var y = new Clamp(0, 1).Apply(x, g);
        Assert.Equal(new float[] { 0f, 0.5f, 1f, 1f }, Values(y));
    }

    [Fact]
    public void To_unit_range_and_repeat_channels()
    {
        using var g = Gen();
        using var x = tensor(new byte[] { 0, 51, 255, 102 }).view(1, 1, 2, 2);
        using var f = new ToUnitRange().Apply(x, g);
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.Equal(new float[] { 0f, 0.2f, 1f, 0.4f }, Values(f), new FloatTolerance(1e-7f));
        using var rgb = new RepeatChannels(3).Apply(f, g);
        Assert.Equal(new long[] { 1, 3, 2, 2 }, rgb.shape);
        Assert.True(Same(rgb[0, 2], f[0, 0]));
        Assert.Throws<ArgumentException>(() => new ToUnitRange().Apply(f, g));
    }

    [Fact]
    public void Gaussian_noise_has_sigma_and_repeats_for_one_seed()
    {
        using var x = zeros(2, 3, 64, 64);
        using var g1 = Gen(3);
        using var g2 = Gen(3);
        using var a = new GaussianNoise(0.01).Apply(x, g1);
        using var b = new GaussianNoise(0.01).Apply(x, g2);
        Assert.True(Same(a, b));
        Assert.InRange(a.std().item<float>(), 0.0095f, 0.0105f);
        using var none = new GaussianNoise(0).Apply(x, g1);
        Assert.True(Same(x, none));
    }

    [Fact]
    public void Brightness_and_contrast_follow_torchvision()
    {
        using var x = tensor(new float[] { 0.2f, 0.4f, 0.6f, 0.8f }).view(1, 1, 2, 2);
        using var f = full(1, 1, 1, 1, 1.5f);
        using var bright = ColorJitter.AdjustBrightness(x, f);
        Assert.Equal(new float[] { 0.3f, 0.6f, 0.9f, 1.0f }, Values(bright), new FloatTolerance(1e-6f));
        using var half = full(1, 1, 1, 1, 0.5f);
        using var contrast = ColorJitter.AdjustContrast(x, half); // mean 0.5 → 0.5·x + 0.25
        Assert.Equal(new float[] { 0.35f, 0.45f, 0.55f, 0.65f }, Values(contrast), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Saturation_and_hue_change_colour_but_not_grey()
    {
        using var red = tensor(new float[] { 0.8f, 0.2f, 0.2f }).view(1, 3, 1, 1);
        using var zero = zeros(1, 1, 1, 1);
        using var desat = ColorJitter.AdjustSaturation(red, zero);
        var grey = 0.2989f * 0.8f + 0.587f * 0.2f + 0.114f * 0.2f;
        Assert.All(Values(desat), v => Assert.Equal(grey, v, 5));
        using var third = full(1, 1, 1, 1, 1f / 3);
        using var green = ColorJitter.AdjustHue(red, third); // hue 0 → 1/3: red → green
        Assert.Equal(new float[] { 0.2f, 0.8f, 0.2f }, Values(green), new FloatTolerance(1e-5f));
        using var grayRgb = full(1, 3, 2, 2, 0.3f);
        using var shifted = ColorJitter.AdjustHue(grayRgb, third);
        Assert.Equal(Values(grayRgb), Values(shifted), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Color_jitter_is_seeded_skips_colour_steps_for_one_channel_and_zero_is_identity()
    {
        using var x = Batch(b: 8);
        using var g1 = Gen(12);
        using var g2 = Gen(12);
        var jitter = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        using var a = jitter.Apply(x, g1);
        using var b = jitter.Apply(x, g2);
        Assert.True(Same(a, b));
        Assert.False(Same(a, x));
        Assert.InRange(a.min().item<float>(), 0f, 1f);
        Assert.InRange(a.max().item<float>(), 0f, 1f);
        using var g = Gen();
        using var none = new ColorJitter(0, 0, 0, 0).Apply(x, g);
        Assert.True(Same(x, none));
        using var gray = Batch(b: 2, c: 1);
        using var onlyColour = new ColorJitter(0, 0, 0.4, 0.1).Apply(gray, g);
        Assert.True(Same(gray, onlyColour));
    }

    [Fact]
    public void Erasing_zeroes_the_box_in_every_channel()
    {
        using var x = ones(2, 3, 5, 6);
        using var y = RandomErasing.Erase(x, [new CropBox(1, 2, 2, 3), null], 0);
        var v = Values(y[0]);
        for (int c = 0; c < 3; c++)
            for (int r = 0; r < 5; r++)
                for (int col = 0; col < 6; col++)
                {
                    bool inside = r is >= 1 and < 3 && col is >= 2 and < 5;
                    Assert.Equal(inside ? 0f : 1f, v[c * 30 + r * 6 + col]);
                }
        Assert.True(Same(y[1], x[1]));
    }

    [Fact]
    public void Random_erasing_p0_is_identity_p1_erases_and_is_seeded()
    {
        using var x = Batch(b: 6, h: 32, w: 32) + 1; // all values ≥ 1, so erased pixels (0) are visible
        using var g = Gen();
        using var none = new RandomErasing(P: 0).Apply(x, g);
        Assert.True(Same(x, none));
        using var g1 = Gen(8);
        using var g2 = Gen(8);
        using var a = new RandomErasing(P: 1).Apply(x, g1);
        using var b = new RandomErasing(P: 1).Apply(x, g2);
        Assert.True(Same(a, b));
        for (int i = 0; i < 6; i++)
        {
            double erased = a[i].eq(0).to_type(ScalarType.Float32).mean().item<float>();
            Assert.InRange(erased, 0.015, 0.34);
        }
    }
}
