using Repro.Data.Augment;
using static Repro.Tests.Data.Augment.AugmentTestData;
using static TorchSharp.torch;

namespace Repro.Tests.Data.Augment;

public class GeometricTests
{
    [Fact]
    public void Rotation_by_90_degrees_is_rot90_counter_clockwise()
    {
        using var x = Batch(b: 2, c: 1, h: 6, w: 6);
        using var y = RandomRotation.Rotate(x, [90.0, -90.0]);
        using var ccw = x[0].rot90(1, (1, 2));
        using var cw = x[1].rot90(-1, (1, 2));
        Assert.True(Same(y[0], ccw));
        Assert.True(Same(y[1], cw));
    }

    [Fact]
    public void Rotation_by_45_degrees_fills_corners_with_fill_value()
    {
        using var x = ones(1, 1, 32, 32);
        using var y0 = RandomRotation.Rotate(x, [45.0]);
        using var y7 = RandomRotation.Rotate(x, [45.0], fill: 7);
        Assert.Equal(0f, y0[0, 0, 0, 0].item<float>());
        Assert.Equal(1f, y0[0, 0, 16, 16].item<float>());
        Assert.Equal(7f, y7[0, 0, 0, 0].item<float>());
        Assert.Equal(1f, y7[0, 0, 16, 16].item<float>());
    }

    [Fact]
    public void Random_rotation_zero_degrees_is_identity_and_seeded()
    {
        using var x = Batch();
        using var g = Gen();
        using var y = new RandomRotation(0).Apply(x, g);
        Assert.True(Same(x, y));
        using var g1 = Gen(9);
        using var g2 = Gen(9);
        using var a = new RandomRotation(45).Apply(x, g1);
        using var b = new RandomRotation(45).Apply(x, g2);
        Assert.True(Same(a, b));
        Assert.False(Same(a, x));
        Assert.Equal(x.shape, a.shape);
    }

    [Fact]
    public void Crop_of_a_known_gradient_copies_the_box_and_interpolates_linearly()
    {
        // value = 10·row + col
        using var grad = (arange(6).view(6, 1) * 10 + arange(6).view(1, 6)).to_type(ScalarType.Float32).view(1, 1, 6, 6);
        using var crop = RandomResizedCrop.CropResize(grad, [new CropBox(1, 2, 4, 4)], 4);
        using var expected = grad.narrow(2, 1, 4).narrow(3, 2, 4);
        Assert.Equal(Values(expected), Values(crop), new FloatTolerance(1e-4f));

        // 2× upsampling of the whole image: column x of the output reads input column x/2 − 0.25 (clamped).
        using var up = RandomResizedCrop.CropResize(grad, [new CropBox(0, 0, 6, 6)], 12);
        var row0 = Values(up[0, 0, 0]);
        for (int x = 0; x < 12; x++)
            Assert.Equal(Math.Clamp(x / 2.0 - 0.25, 0, 5), row0[x], 4);
    }

    [Fact]
    public void Resized_crop_box_sampling_follows_torchvision()
    {
        var rrc = new RandomResizedCrop(224, 0.8, 1.0, 0.8, 1.2);
        var u = new double[22];
        u[0] = 0.5; u[1] = 0.5; u[20] = 0.0; u[21] = 0.999;
        var box = rrc.SampleBox(224, 224, u);
        // area 0.9·224² = 45158.4, ratio exp(mid of log 0.8, log 1.2) = √0.96: w = round(√(45158.4·√0.96)) = 210,
        // h = round(√(45158.4/√0.96)) = 215; row randint(0, 10) ← 0, column randint(0, 15) ← ⌊0.999·15⌋ = 14.
        Assert.Equal(new CropBox(0, 14, 215, 210), box);
        // No try fits (scale > 1) → centre crop within the ratio range.
        var big = new RandomResizedCrop(10, 2.0, 3.0, 0.5, 0.6);
        Assert.Equal(new CropBox(0, 10, 20, 12), big.SampleBox(20, 32, new double[22]));
    }

    [Fact]
    public void Random_resized_crop_outputs_size_and_repeats_for_one_seed()
    {
        using var x = Batch(h: 20, w: 24);
        using var g1 = Gen(2);
        using var g2 = Gen(2);
        using var a = new RandomResizedCrop(12).Apply(x, g1);
        using var b = new RandomResizedCrop(12).Apply(x, g2);
        Assert.Equal(new long[] { 4, 3, 12, 12 }, a.shape);
        Assert.True(Same(a, b));
    }

    [Fact]
    public void Perspective_with_unmoved_corners_is_identity_and_p0_leaves_the_batch()
    {
        using var x = Batch(b: 2, h: 8, w: 8);
        var start = RandomPerspective.StartPoints(8, 8);
        var k = RandomPerspective.Coefficients(start, start);
        Assert.Equal(new double[] { 1, 0, 0, 0, 1, 0, 0, 0 }, k.Select(v => Math.Round(v, 9)).ToArray());
        using var same = RandomPerspective.WarpSelected(x, [k, null]);
        Assert.Equal(Values(x), Values(same), new FloatTolerance(1e-5f));
        using var g = Gen();
        using var p0 = new RandomPerspective(0.5, P: 0).Apply(x, g);
        Assert.True(Same(x, p0));
    }

    [Fact]
    public void Perspective_maps_end_points_onto_start_points()
    {
        var start = RandomPerspective.StartPoints(32, 32);
        var end = RandomPerspective.EndPoints(32, 32, 0.5, [0.9, 0.9, 0.1, 0.9, 0.1, 0.1, 0.9, 0.1]);
        Assert.Equal((8.0, 8.0), end[0]); // randint(0, 9): ⌊0.9·9⌋
        var k = RandomPerspective.Coefficients(start, end);
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = end[i];
            double den = k[6] * x + k[7] * y + 1;
            Assert.Equal(start[i].X, (k[0] * x + k[1] * y + k[2]) / den, 9);
            Assert.Equal(start[i].Y, (k[3] * x + k[4] * y + k[5]) / den, 9);
        }
    }

    [Fact]
    public void Perspective_with_p1_changes_images_and_repeats_for_one_seed()
    {
        using var x = Batch(b: 3, h: 32, w: 32);
        using var g1 = Gen(6);
        using var g2 = Gen(6);
        using var a = new RandomPerspective(0.3, P: 1).Apply(x, g1);
        using var b = new RandomPerspective(0.3, P: 1).Apply(x, g2);
        Assert.True(Same(a, b));
        Assert.Equal(x.shape, a.shape);
        for (int i = 0; i < 3; i++) Assert.False(Same(a[i], x[i]));
    }

    [Fact]
    public void Resize_is_bilinear_and_passes_through_at_size()
    {
        using var x = Batch(h: 8, w: 8);
        using var g = Gen();
        using var same = new Resize(8).Apply(x, g);
        Assert.True(Same(x, same));
        using var y = new Resize(4).Apply(x, g);
        Assert.Equal(new long[] { 4, 3, 4, 4 }, y.shape);
        using var c = full(1, 1, 8, 8, 0.25f);
        using var rc = new Resize(5).Apply(c, g);
        Assert.All(Values(rc), v => Assert.Equal(0.25f, v, 5));
    }
}
