using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// torchvision <c>RandomErasing</c>: with probability <paramref name="P"/>, up to 10 tries of an area
/// fraction uniform in [<paramref name="ScaleMin"/>, <paramref name="ScaleMax"/>] and a log-uniform
/// aspect ratio in [<paramref name="RatioMin"/>, <paramref name="RatioMax"/>]; the first box that fits
/// strictly inside the image, at a uniform position, is set to <paramref name="Value"/> in every channel
/// (no box fits: the sample is left as is). Draws 23 uniforms per sample (1 for P, 10×2 tries, 2
/// positions), always.
/// </summary>
/// <param name="P">Probability that a sample gets a box.</param>
/// <param name="ScaleMin">Smallest fraction of the image area.</param>
/// <param name="ScaleMax">Largest fraction of the image area.</param>
/// <param name="RatioMin">Smallest height/width ratio.</param>
/// <param name="RatioMax">Largest height/width ratio.</param>
/// <param name="Value">Value written into the box (the study: 0, on the normalised tensor).</param>
public sealed record RandomErasing(double P = 0.5, double ScaleMin = 0.02, double ScaleMax = 0.33,
    double RatioMin = 0.3, double RatioMax = 3.3, double Value = 0) : IBatchTransform
{
    /// <summary>Uniforms consumed per sample.</summary>
    public const int DrawsPerSample = 23;

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomErasing));
        BatchChecks.Probability(P, nameof(RandomErasing));
        if (!(ScaleMin > 0 && ScaleMin <= ScaleMax && RatioMin > 0 && RatioMin <= RatioMax))
            throw new ArgumentException("RandomErasing: bad scale or ratio range");
        int b = (int)batch.shape[0], h = (int)batch.shape[2], w = (int)batch.shape[3];
        var u = RandomDraws.Uniform(RandomDraws.Need(generator, nameof(RandomErasing)), b * DrawsPerSample);
        var boxes = new CropBox?[b];
        for (int i = 0; i < b; i++)
        {
            var s = u.AsSpan(i * DrawsPerSample, DrawsPerSample);
            if (s[0] < P) boxes[i] = SampleBox(h, w, s[1..]);
        }
        return Erase(batch, boxes, Value);
    }

    /// <summary>
    /// torchvision's <c>RandomErasing.get_params</c> from 22 uniforms (pairs 0–19: area fraction and
    /// log-ratio of each try; 20, 21: row and column); null when no try fits.
    /// </summary>
    public CropBox? SampleBox(int height, int width, ReadOnlySpan<double> u)
    {
        double area = (double)height * width;
        double logMin = Math.Log(RatioMin), logMax = Math.Log(RatioMax);
        for (int t = 0; t < 10; t++)
        {
            double eraseArea = area * RandomDraws.Between(u[2 * t], ScaleMin, ScaleMax);
            double aspect = Math.Exp(RandomDraws.Between(u[2 * t + 1], logMin, logMax));
            int eh = (int)Math.Round(Math.Sqrt(eraseArea * aspect), MidpointRounding.ToEven);
            int ew = (int)Math.Round(Math.Sqrt(eraseArea / aspect), MidpointRounding.ToEven);
            if (!(eh < height && ew < width)) continue;
            int top = RandomDraws.IntBetween(u[20], 0, height - eh + 1);
            int left = RandomDraws.IntBetween(u[21], 0, width - ew + 1);
            return new CropBox(top, left, eh, ew);
        }
        return null;
    }

    /// <summary>Sets box <paramref name="boxes"/>[b] (null: none) of sample b to <paramref name="value"/>, all channels.</summary>
    public static Tensor Erase(Tensor batch, IReadOnlyList<CropBox?> boxes, double value)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomErasing));
        long b = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
        if (boxes.Count != b) throw new ArgumentException($"RandomErasing: {boxes.Count} boxes for {b} samples");
        if (boxes.All(x => x is null)) return batch.alias();
        using var scope = NewDisposeScope();
        var mask = BoxMask(boxes, h, w, batch.device);
        return where(mask, full_like(batch, value), batch).MoveToOuterDisposeScope();
    }

    /// <summary>A boolean <c>[B,1,H,W]</c> mask that is true inside each sample's box.</summary>
    internal static Tensor BoxMask(IReadOnlyList<CropBox?> boxes, long height, long width, Device device)
    {
        using var scope = NewDisposeScope();
        Tensor Col(Func<CropBox, int> f) => tensor(boxes.Select(x => x is { } v ? (long)f(v) : 0L).ToArray(), device: device).view(-1, 1, 1, 1);
        var top = Col(v => v.Top);
        var left = Col(v => v.Left);
        var bottom = Col(v => v.Top + v.Height);
        var right = Col(v => v.Left + v.Width);
        var rows = arange(height, dtype: ScalarType.Int64, device: device).view(1, 1, -1, 1);
        var cols = arange(width, dtype: ScalarType.Int64, device: device).view(1, 1, 1, -1);
        return (rows.ge(top) & rows.lt(bottom) & cols.ge(left) & cols.lt(right)).MoveToOuterDisposeScope();
    }
}
