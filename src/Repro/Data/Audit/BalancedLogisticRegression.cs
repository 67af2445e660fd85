namespace Repro.Data.Audit;

/// <summary>
/// Multinomial logistic regression with class-balanced sample weights (each class weighs the same in
/// the loss) and a small L2 penalty, on features standardised with the training mean and deviation.
/// Fitted by full-batch gradient descent with a fixed step and iteration count from zero weights:
/// deterministic, no random numbers.
/// </summary>
internal sealed class BalancedLogisticRegression
{
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[,] _w; // [classes, features + 1], last column = bias
    private readonly int _classes;

    private BalancedLogisticRegression(double[] mean, double[] scale, double[,] w, int classes)
    {
        _mean = mean;
        _scale = scale;
        _w = w;
        _classes = classes;
    }

    /// <summary>Fits on rows <paramref name="x"/> with labels <paramref name="y"/> in 0…classes−1.</summary>
    public static BalancedLogisticRegression Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int classes,
        double l2 = 1e-3, double step = 0.5, int iterations = 3000)
    {
        int n = x.Count, d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = x.Average(r => r[j]);
            double var = x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]));
            scale[j] = var > 1e-24 ? Math.Sqrt(var) : 1.0;
        }
        var z = x.Select(r => Standardise(r, mean, scale)).ToArray();
        var counts = new int[classes];
        foreach (int l in y) counts[l]++;
        int present = counts.Count(c => c > 0);
        var sampleWeight = y.Select(l => 1.0 / (present * counts[l])).ToArray(); // sums to 1

        var w = new double[classes, d + 1];
        var grad = new double[classes, d + 1];
        var p = new double[classes];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            for (int i = 0; i < n; i++)
            {
                Probabilities(w, z[i], classes, p);
                for (int k = 0; k < classes; k++)
                {
                    double g = sampleWeight[i] * (p[k] - (y[i] == k ? 1 : 0));
                    for (int j = 0; j < d; j++) grad[k, j] += g * z[i][j];
                    grad[k, d] += g;
                }
            }
            double norm = 0;
            for (int k = 0; k < classes; k++)
                for (int j = 0; j <= d; j++)
                {
                    if (j < d) grad[k, j] += l2 * w[k, j];
                    norm += grad[k, j] * grad[k, j];
                    w[k, j] -= step * grad[k, j];
                }
            if (norm < 1e-14) break;
        }
        return new BalancedLogisticRegression(mean, scale, w, classes);
    }

    /// <summary>The most probable class of <paramref name="row"/>.</summary>
    public int Predict(double[] row)
    {
        var p = new double[_classes];
        Probabilities(_w, Standardise(row, _mean, _scale), _classes, p);
        int best = 0;
        for (int k = 1; k < _classes; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    private static double[] Standardise(double[] r, double[] mean, double[] scale)
    {
        var z = new double[r.Length];
        for (int j = 0; j < r.Length; j++) z[j] = (r[j] - mean[j]) / scale[j];
        return z;
    }

    private static void Probabilities(double[,] w, double[] z, int classes, double[] p)
    {
        int d = z.Length;
        double max = double.NegativeInfinity;
        for (int k = 0; k < classes; k++)
        {
            double s = w[k, d];
            for (int j = 0; j < d; j++) s += w[k, j] * z[j];
            p[k] = s;
            if (s > max) max = s;
        }
        double total = 0;
        for (int k = 0; k < classes; k++) { p[k] = Math.Exp(p[k] - max); total += p[k]; }
        for (int k = 0; k < classes; k++) p[k] /= total;
    }
}
