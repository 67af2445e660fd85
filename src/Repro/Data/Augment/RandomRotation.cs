using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Rotates each sample about the image centre by an angle drawn uniformly from
/// [−<paramref name="MaxDegrees"/>, +<paramref name="MaxDegrees"/>] (torchvision <c>RandomRotation</c>;
/// positive = counter-clockwise). Corners uncovered by the rotation take <paramref name="Fill"/>.
/// Nearest-pixel sampling by default, as torchvision (and the PIL path the study ran) does; bilinear on
/// request. One uniform per sample.
/// </summary>
/// <param name="MaxDegrees">Largest absolute angle, degrees (the study: 45).</param>
/// <param name="Fill">Value of pixels that come from outside the image (the study: 0).</param>
/// <param name="Interpolation">Nearest (default) or bilinear.</param>
public sealed record RandomRotation(double MaxDegrees, double Fill = 0, Interpolation Interpolation = Interpolation.Nearest) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomRotation));
        if (!(MaxDegrees >= 0)) throw new ArgumentOutOfRangeException(nameof(MaxDegrees), "RandomRotation: MaxDegrees must be ≥ 0");
        var angles = RandomDraws.Uniform(RandomDraws.Need(generator, nameof(RandomRotation)), (int)batch.shape[0]).Select(u => RandomDraws.Between(u, -MaxDegrees, MaxDegrees)).ToArray();
        return Rotate(batch, angles, Interpolation, Fill);
    }

    /// <summary>
    /// Rotates sample <c>b</c> by <paramref name="degrees"/>[b] (counter-clockwise) about the image centre:
    /// the deterministic core of <see cref="Apply"/>. A square image turned by ±90° comes out exactly
    /// as <c>rot90</c> (pixel centres land on pixel centres).
    /// </summary>
    public static Tensor Rotate(Tensor batch, IReadOnlyList<double> degrees, Interpolation interpolation = Interpolation.Nearest, double fill = 0)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomRotation));
        long b = batch.shape[0], c = batch.shape[1], h = batch.shape[2], w = batch.shape[3];
        if (degrees.Count != b) throw new ArgumentException($"RandomRotation: {degrees.Count} angles for {b} samples");
        // Output pixel p (centred pixel units, y down) reads input R⁻¹p; in normalised units x scales by
        // 2/W and y by 2/H, hence the aspect factors.
        var thetas = degrees.Select(d =>
        {
            double a = d * Math.PI / 180.0, cos = Math.Cos(a), sin = Math.Sin(a);
            return new[] { cos, -sin * h / w, 0.0, sin * w / h, cos, 0.0 };
        }).ToList();
        using var scope = NewDisposeScope();
        var grid = Warp.AffineGrid(thetas, b, c, h, w, batch.device);
        return Warp.Sample(batch, grid, interpolation, fill).MoveToOuterDisposeScope();
    }
}
