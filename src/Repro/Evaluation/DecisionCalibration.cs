using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// A decision rule fitted on validation predictions only: per-class additive offsets to the log-probabilities
/// (Normal fixed at 0) that maximise validation balanced accuracy, then applied unchanged to test. It moves the
/// class boundaries the way a prior shift would, without retraining. Offsets come from a grid (step 0.1 within
/// ±4); among equal balanced accuracies the smallest offsets win, so that a tie never drifts to the grid edge.
/// Validation metrics after calibration are optimistic by construction; test metrics are not.
/// </summary>
public static class DecisionCalibration
{
    /// <summary>Offsets (log-probability units, one per class, Normal = 0) fitted on <paramref name="validation"/>.</summary>
    public static double[] Fit(IReadOnlyList<Prediction> validation, double limit = 4.0, double step = 0.1)
    {
        if (validation.Count == 0) throw new ArgumentException("no validation predictions to calibrate on");
        int n = validation.Count, steps = (int)Math.Round(limit / step);
        var logp = validation.Select(p => p.Probabilities.Select(v => Math.Log(Math.Max(v, 1e-300))).ToArray()).ToArray();
        var labels = validation.Select(p => p.Label).ToArray();
        var support = new int[ClassLabels.Count];
        foreach (int l in labels) support[l]++;
        double best = -1, bestNorm = double.MaxValue;
        var bestOffsets = new double[ClassLabels.Count];
        var hits = new int[ClassLabels.Count];
        for (int i = -steps; i <= steps; i++)
            for (int j = -steps; j <= steps; j++)
            {
                double b1 = i * step, b2 = j * step;
                Array.Clear(hits);
                for (int k = 0; k < n; k++)
                {
                    double s0 = logp[k][0], s1 = logp[k][1] + b1, s2 = logp[k][2] + b2;
                    int pred = s1 > s0 ? (s2 > s1 ? 2 : 1) : (s2 > s0 ? 2 : 0);
                    if (pred == labels[k]) hits[pred]++;
                }
                double ba = 0; int present = 0;
                for (int c = 0; c < ClassLabels.Count; c++)
                    if (support[c] > 0) { ba += (double)hits[c] / support[c]; present++; }
                ba /= present;
                double norm = Math.Abs(b1) + Math.Abs(b2);
                if (ba > best + 1e-12 || (Math.Abs(ba - best) <= 1e-12 && norm < bestNorm - 1e-12))
                {
                    best = ba; bestNorm = norm;
                    bestOffsets = new[] { 0.0, b1, b2 };
                }
            }
        return bestOffsets;
    }

    /// <summary>The predictions with <paramref name="offsets"/> added to their log-probabilities, renormalised.</summary>
    public static List<Prediction> Apply(IReadOnlyList<Prediction> predictions, IReadOnlyList<double> offsets) =>
        predictions.Select(p =>
        {
            var w = p.Probabilities.Select((v, c) => v * Math.Exp(offsets[c])).ToArray();
            double sum = w.Sum();
            return p with { Probabilities = w.Select(v => v / sum).ToArray() };
        }).ToList();
}
