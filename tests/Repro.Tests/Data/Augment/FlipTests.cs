using Repro.Data.Augment;
using static Repro.Tests.Data.Augment.AugmentTestData;
using static TorchSharp.torch;

namespace Repro.Tests.Data.Augment;

public class FlipTests
{
    [Fact]
    public void Horizontal_flip_with_p1_mirrors_columns()
    {
        using var g = Gen();
        using var x = tensor(new float[] { 1, 2, 3, 4, 5, 6 }).view(1, 1, 2, 3);
        using var y = new HorizontalFlip(1).Apply(x, g);
        Assert.Equal(new float[] { 3, 2, 1, 6, 5, 4 }, Values(y));
    }

    [Fact]
    public void Vertical_flip_with_p1_mirrors_rows()
    {
        using var g = Gen();
        using var x = tensor(new float[] { 1, 2, 3, 4, 5, 6 }).view(1, 1, 2, 3);
        using var y = new VerticalFlip(1).Apply(x, g);
        Assert.Equal(new float[] { 4, 5, 6, 1, 2, 3 }, Values(y));
    }

    [Fact]
    public void Flips_with_p0_are_identity_and_keep_shape()
    {
        using var g = Gen();
        using var x = Batch();
        using var h = new HorizontalFlip(0).Apply(x, g);
        using var v = new VerticalFlip(0).Apply(x, g);
        Assert.True(Same(x, h));
        Assert.True(Same(x, v));
    }

    [Fact]
    public void Flip_with_p_half_flips_some_samples_and_repeats_for_one_seed()
    {
        using var x = Batch(b: 32);
        using var g1 = Gen(4);
        using var g2 = Gen(4);
        using var a = new HorizontalFlip().Apply(x, g1);
        using var b = new HorizontalFlip().Apply(x, g2);
        Assert.True(Same(a, b));
        using var flipped = x.flip(3);
        int same = 0, mirrored = 0;
        for (int i = 0; i < 32; i++)
        {
            if (Same(a[i], x[i])) same++;
            else if (Same(a[i], flipped[i])) mirrored++;
        }
        Assert.Equal(32, same + mirrored);
        Assert.InRange(mirrored, 4, 28);
        Assert.Equal(ScalarType.Float32, a.dtype);
    }
}
