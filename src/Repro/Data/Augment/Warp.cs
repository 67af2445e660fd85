using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Repro.Data.Augment;

/// <summary>
/// Resampling of a batch through a sampling grid (<c>grid_sample</c>, <c>align_corners = false</c>:
/// normalised −1/+1 are the outer edges of the border pixels, as in torchvision's tensor transforms),
/// with a constant fill for points that fall outside the source.
/// </summary>
internal static class Warp
{
    /// <summary>
    /// An affine sampling grid <c>[B,H,W,2]</c> from per-sample 2×3 matrices in normalised coordinates
    /// (output → input), given row-major as 6 numbers each.
    /// </summary>
    public static Tensor AffineGrid(IReadOnlyList<double[]> thetas, long batch, long channels, long height, long width, Device device)
    {
        var flat = thetas.SelectMany(t => t).Select(v => (float)v).ToArray();
        using var values = tensor(flat, dtype: ScalarType.Float32, device: device);
        using var theta = values.view(batch, 2, 3);
        return F.affine_grid(theta, [batch, channels, height, width], align_corners: false);
    }

    /// <summary>
    /// Samples <paramref name="batch"/> at <paramref name="grid"/>. Outside points take
    /// <paramref name="fill"/>: 0 uses zero padding; another value blends with a resampled validity mask
    /// (torchvision's way).
    /// </summary>
    public static Tensor Sample(Tensor batch, Tensor grid, Interpolation interpolation, double fill,
        GridSamplePaddingMode padding = GridSamplePaddingMode.Zeros)
    {
        var mode = interpolation == Interpolation.Nearest ? GridSampleMode.Nearest : GridSampleMode.Bilinear;
        if (fill == 0 || padding != GridSamplePaddingMode.Zeros)
            return F.grid_sample(batch, grid, mode, padding, align_corners: false);
        using var scope = NewDisposeScope();
        var ones = ones_like(batch.narrow(1, 0, 1));
        var sampled = F.grid_sample(cat([batch, ones], 1), grid, mode, GridSamplePaddingMode.Zeros, align_corners: false);
        long c = batch.shape[1];
        var image = sampled.narrow(1, 0, c);
        var mask = sampled.narrow(1, c, 1);
        if (interpolation == Interpolation.Nearest) mask = mask.round();
        return (image * mask + (1.0 - mask) * fill).MoveToOuterDisposeScope();
    }
}
