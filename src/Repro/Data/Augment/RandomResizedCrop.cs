using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// torchvision <c>RandomResizedCrop</c>: per sample, up to 10 tries of an area fraction uniform in
/// [<paramref name="ScaleMin"/>, <paramref name="ScaleMax"/>] and an aspect ratio log-uniform in
/// [<paramref name="RatioMin"/>, <paramref name="RatioMax"/>] until the box fits, then a uniform
/// position; else the centre crop clamped to the ratio range. The box is resized to
/// <paramref name="Size"/>×<paramref name="Size"/> bilinearly, for the whole batch at once through one
/// affine grid (<c>grid_sample</c>, border padding). Differences from torchvision: no antialias when the
/// box is larger than the output (irrelevant for the study's 0.8–1.0 crops of 224 → 224, which upsample),
/// and at the outer half pixel the interpolation may read the pixel just outside the box.
/// Draws 22 uniforms per sample (10×2 tries + 2 positions), always.
/// </summary>
/// <param name="Size">Output height and width.</param>
/// <param name="ScaleMin">Smallest fraction of the image area.</param>
/// <param name="ScaleMax">Largest fraction of the image area.</param>
/// <param name="RatioMin">Smallest width/height ratio.</param>
/// <param name="RatioMax">Largest width/height ratio.</param>
public sealed record RandomResizedCrop(int Size, double ScaleMin = 0.08, double ScaleMax = 1.0,
    double RatioMin = 3.0 / 4.0, double RatioMax = 4.0 / 3.0) : IBatchTransform
{
    /// <summary>Uniforms consumed per sample.</summary>
    public const int DrawsPerSample = 22;

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomResizedCrop));
        Validate();
        int b = (int)batch.shape[0], h = (int)batch.shape[2], w = (int)batch.shape[3];
        var u = RandomDraws.Uniform(RandomDraws.Need(generator, nameof(RandomResizedCrop)), b * DrawsPerSample);
        var boxes = Enumerable.Range(0, b).Select(i => SampleBox(h, w, u.AsSpan(i * DrawsPerSample, DrawsPerSample))).ToArray();
        return CropResize(batch, boxes, Size);
    }

    /// <summary>
    /// torchvision's <c>RandomResizedCrop.get_params</c> on an image of <paramref name="height"/>×<paramref name="width"/>,
    /// driven by <see cref="DrawsPerSample"/> uniforms (pairs 0–19: area fraction and log-ratio of each try;
    /// 20, 21: row and column).
    /// </summary>
    public CropBox SampleBox(int height, int width, ReadOnlySpan<double> uniforms)
    {
        if (uniforms.Length < DrawsPerSample) throw new ArgumentException($"need {DrawsPerSample} uniforms");
        double area = (double)height * width;
        double logMin = Math.Log(RatioMin), logMax = Math.Log(RatioMax);
        for (int t = 0; t < 10; t++)
        {
            double targetArea = area * RandomDraws.Between(uniforms[2 * t], ScaleMin, ScaleMax);
            double aspect = Math.Exp(RandomDraws.Between(uniforms[2 * t + 1], logMin, logMax));
            int cw = (int)Math.Round(Math.Sqrt(targetArea * aspect), MidpointRounding.ToEven);
            int ch = (int)Math.Round(Math.Sqrt(targetArea / aspect), MidpointRounding.ToEven);
            if (cw > 0 && cw <= width && ch > 0 && ch <= height)
            {
                int top = RandomDraws.IntBetween(uniforms[20], 0, height - ch + 1);
                int left = RandomDraws.IntBetween(uniforms[21], 0, width - cw + 1);
                return new CropBox(top, left, ch, cw);
            }
        }
        double inRatio = (double)width / height;
        int fw, fh;
        if (inRatio < Math.Min(RatioMin, RatioMax))
        {
            fw = width;
            fh = (int)Math.Round(fw / Math.Min(RatioMin, RatioMax), MidpointRounding.ToEven);
        }
        else if (inRatio > Math.Max(RatioMin, RatioMax))
        {
            fh = height;
            fw = (int)Math.Round(fh * Math.Max(RatioMin, RatioMax), MidpointRounding.ToEven);
        }
        else
        {
            fw = width;
            fh = height;
        }
        return new CropBox((height - fh) / 2, (width - fw) / 2, fh, fw);
    }

    /// <summary>
    /// Crops box <paramref name="boxes"/>[b] of sample b and resizes it bilinearly to
    /// <paramref name="size"/>×<paramref name="size"/> (output pixel centres spread evenly over the box):
    /// the deterministic core of <see cref="Apply"/>. A box of exactly <paramref name="size"/> pixels is copied.
    /// </summary>
    public static Tensor CropResize(Tensor batch, IReadOnlyList<CropBox> boxes, int size)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomResizedCrop));
        long b = batch.shape[0], c = batch.shape[1], h = batch.shape[2], w = batch.shape[3];
        if (boxes.Count != b) throw new ArgumentException($"RandomResizedCrop: {boxes.Count} boxes for {b} samples");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        // x_in (normalised) = x_out · (box width / W) + (2 · box centre / W − 1); likewise for y.
        var thetas = boxes.Select(x => new[]
        {
            (double)x.Width / w, 0.0, 2.0 * (x.Left + x.Width / 2.0) / w - 1.0,
            0.0, (double)x.Height / h, 2.0 * (x.Top + x.Height / 2.0) / h - 1.0,
        }).ToList();
        using var scope = NewDisposeScope();
        var grid = Warp.AffineGrid(thetas, b, c, size, size, batch.device);
        return Warp.Sample(batch, grid, Interpolation.Bilinear, 0, GridSamplePaddingMode.Border).MoveToOuterDisposeScope();
    }

    private void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Size);
        if (!(ScaleMin > 0 && ScaleMin <= ScaleMax)) throw new ArgumentException($"RandomResizedCrop: bad scale range [{ScaleMin}, {ScaleMax}]");
        if (!(RatioMin > 0 && RatioMin <= RatioMax)) throw new ArgumentException($"RandomResizedCrop: bad ratio range [{RatioMin}, {RatioMax}]");
    }
}
