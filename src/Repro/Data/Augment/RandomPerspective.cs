using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// torchvision <c>RandomPerspective</c>: with probability <paramref name="P"/> a sample's four corners move
/// inwards by random integer offsets up to <paramref name="Distortion"/>·half the side
/// (torchvision's <c>get_params</c>), the homography from the moved corners back to the original ones is
/// solved per sample on the host (double precision, exact 8×8 solve), and the batch is resampled
/// bilinearly through one grid evaluated at pixel centres (torchvision's <c>_perspective_grid</c>).
/// Uncovered pixels take <paramref name="Fill"/>. Draws 9 uniforms per sample (1 for P, 8 corner offsets), always.
/// </summary>
/// <param name="Distortion">Distortion scale in [0, 1] (the study: 0.3).</param>
/// <param name="P">Probability that a sample is warped.</param>
/// <param name="Fill">Value of pixels from outside the image.</param>
public sealed record RandomPerspective(double Distortion = 0.5, double P = 0.5, double Fill = 0) : IBatchTransform
{
    /// <summary>Uniforms consumed per sample.</summary>
    public const int DrawsPerSample = 9;

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomPerspective));
        BatchChecks.Probability(P, nameof(RandomPerspective));
        if (!(Distortion >= 0 && Distortion <= 1)) throw new ArgumentOutOfRangeException(nameof(Distortion), "RandomPerspective: distortion must be in [0, 1]");
        int b = (int)batch.shape[0], h = (int)batch.shape[2], w = (int)batch.shape[3];
        var u = RandomDraws.Uniform(RandomDraws.Need(generator, nameof(RandomPerspective)), b * DrawsPerSample);
        var coeffs = new double[]?[b];
        for (int i = 0; i < b; i++)
        {
            var s = u.AsSpan(i * DrawsPerSample, DrawsPerSample);
            if (s[0] < P) coeffs[i] = Coefficients(StartPoints(w, h), EndPoints(w, h, Distortion, s[1..]));
        }
        return WarpSelected(batch, coeffs, Fill);
    }

    /// <summary>The image corners TL, TR, BR, BL as (x, y): torchvision's start points.</summary>
    public static (double X, double Y)[] StartPoints(int width, int height) =>
        [(0, 0), (width - 1, 0), (width - 1, height - 1), (0, height - 1)];

    /// <summary>torchvision's end points (TL, TR, BR, BL) from 8 uniforms (x then y per corner).</summary>
    public static (double X, double Y)[] EndPoints(int width, int height, double distortion, ReadOnlySpan<double> u)
    {
        int halfH = height / 2, halfW = width / 2;
        int dx = (int)(distortion * halfW), dy = (int)(distortion * halfH);
        return
        [
            (RandomDraws.IntBetween(u[0], 0, dx + 1), RandomDraws.IntBetween(u[1], 0, dy + 1)),
            (RandomDraws.IntBetween(u[2], width - dx - 1, width), RandomDraws.IntBetween(u[3], 0, dy + 1)),
            (RandomDraws.IntBetween(u[4], width - dx - 1, width), RandomDraws.IntBetween(u[5], height - dy - 1, height)),
            (RandomDraws.IntBetween(u[6], 0, dx + 1), RandomDraws.IntBetween(u[7], height - dy - 1, height)),
        ];
    }

    /// <summary>
    /// The 8 coefficients (a…h) with which output point (x, y) reads the input at
    /// ((ax+by+c)/(gx+hy+1), (dx+ey+f)/(gx+hy+1)), mapping each end point onto its start point
    /// (torchvision's <c>_get_perspective_coeffs</c>).
    /// </summary>
    public static double[] Coefficients(IReadOnlyList<(double X, double Y)> start, IReadOnlyList<(double X, double Y)> end)
    {
        var a = new double[8, 8];
        var rhs = new double[8];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = end[i];
            var (sx, sy) = start[i];
            double[] r0 = [x, y, 1, 0, 0, 0, -sx * x, -sx * y];
            double[] r1 = [0, 0, 0, x, y, 1, -sy * x, -sy * y];
            for (int j = 0; j < 8; j++) { a[2 * i, j] = r0[j]; a[2 * i + 1, j] = r1[j]; }
            rhs[2 * i] = sx;
            rhs[2 * i + 1] = sy;
        }
        return Solve(a, rhs);
    }

    /// <summary>
    /// Warps sample b by <paramref name="coefficients"/>[b] (null: left as is): the deterministic core of
    /// <see cref="Apply"/>.
    /// </summary>
    public static Tensor WarpSelected(Tensor batch, IReadOnlyList<double[]?> coefficients, double fill = 0)
    {
        BatchChecks.FloatBatch(batch, nameof(RandomPerspective));
        long b = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
        if (coefficients.Count != b) throw new ArgumentException($"RandomPerspective: {coefficients.Count} coefficient sets for {b} samples");
        if (coefficients.All(c => c is null)) return batch.alias();
        using var scope = NewDisposeScope();
        var device = batch.device;
        var identity = new double[] { 1, 0, 0, 0, 1, 0, 0, 0 };
        var flat = coefficients.SelectMany(c => c ?? identity).Select(v => (float)v).ToArray();
        var k = tensor(flat, dtype: ScalarType.Float32, device: device).view(b, 8, 1, 1);
        // Pixel centres, as torchvision's base grid (x + 0.5, y + 0.5).
        var xs = (arange(w, dtype: ScalarType.Float32, device: device) + 0.5f).view(1, 1, w);
        var ys = (arange(h, dtype: ScalarType.Float32, device: device) + 0.5f).view(1, h, 1);
        Tensor K(int i) => k.select(1, i);
        var den = K(6) * xs + K(7) * ys + 1.0f;
        var gx = (K(0) * xs + K(1) * ys + K(2)) / den / (w / 2.0f) - 1.0f;
        var gy = (K(3) * xs + K(4) * ys + K(5)) / den / (h / 2.0f) - 1.0f;
        var grid = stack([gx, gy], -1);
        var warped = Warp.Sample(batch, grid, Interpolation.Bilinear, fill);
        var selected = RandomDraws.PerSample(coefficients.Select(c => c is not null).ToArray(), device);
        return where(selected, warped, batch).MoveToOuterDisposeScope();
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (Math.Abs(m[pivot, col]) < 1e-12) throw new InvalidOperationException("RandomPerspective: degenerate corner points");
            if (pivot != col)
            {
                for (int j = 0; j < n; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                if (f == 0) continue;
                for (int j = col; j < n; j++) m[r, j] -= f * m[col, j];
                x[r] -= f * x[col];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int j = r + 1; j < n; j++) s -= m[r, j] * x[j];
            x[r] = s / m[r, r];
        }
        return x;
    }
}
