using Repro.Runtime;
namespace Repro.Evaluation;

/// <summary>
/// Percentile bootstrap intervals for the headline metrics (<see cref="MetricNames.Bootstrapped"/>).
/// When every prediction has a <see cref="Prediction.Group"/> (patient id), whole patients are
/// resampled with replacement — all images of a drawn patient enter together, as many times as the
/// patient is drawn; otherwise images are resampled. Groups are taken in ordinal order of their ids,
/// so the intervals depend only on the predictions and the seed (xoshiro256**), not on
/// <see cref="System.Random"/>. A metric undefined in a resample (e.g. the recall of a class that the
/// resample lacks, or the macro ROC AUC then) is left out of that metric's distribution; the
/// percentiles are numpy's default (linear interpolation).
/// </summary>
public static class Bootstrap
{
    /// <summary>Resampling unit when patients (groups) are resampled.</summary>
    public const string GroupUnit = "group";

    /// <summary>Resampling unit when images are resampled.</summary>
    public const string ImageUnit = "image";

    /// <summary>Bootstraps <paramref name="predictions"/> <paramref name="resamples"/> times.</summary>
    public static BootstrapResult Compute(IReadOnlyList<Prediction> predictions, int resamples, ulong seed, double confidence = 0.95)
    {
        var table = new PredictionTable(predictions);
        return Resample(predictions, MetricNames.Bootstrapped, weights => Metrics.Headline(table, weights), resamples, seed, confidence);
    }

    /// <summary>
    /// The percentile intervals of the metrics <paramref name="metrics"/> computes (one value per name in
    /// <paramref name="names"/>, null where undefined) from per-sample multiplicities, over
    /// <paramref name="resamples"/> draws of the units of <paramref name="predictions"/>.
    /// </summary>
    internal static BootstrapResult Resample(IReadOnlyList<Prediction> predictions, IReadOnlyList<string> names,
        Func<int[], double?[]> metrics, int resamples, ulong seed, double confidence)
    {
        if (resamples <= 0) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "need at least one resample");
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1)");
        int[][] units = Units(predictions, out string unit);

        var rng = new Xoshiro256StarStar(seed);
        var samples = names.Select(_ => new List<double>(resamples)).ToArray();
        var weights = new int[predictions.Count];
        for (int r = 0; r < resamples; r++)
        {
            Array.Clear(weights);
            for (int d = 0; d < units.Length; d++)
                foreach (int i in units[rng.NextInt(units.Length)]) weights[i]++;
            var values = metrics(weights);
            for (int m = 0; m < values.Length; m++)
                if (values[m] is double v) samples[m].Add(v);
        }

        double alpha = (1 - confidence) / 2;
        var intervals = new Dictionary<string, ConfidenceInterval>();
        for (int m = 0; m < names.Count; m++)
        {
            if (samples[m].Count == 0) continue;
            var sorted = samples[m].ToArray();
            Array.Sort(sorted);
            intervals[names[m]] = new ConfidenceInterval(Percentile(sorted, alpha), Percentile(sorted, 1 - alpha));
        }
        return new BootstrapResult(new BootstrapSettings(resamples, seed, confidence, unit, units.Length), intervals);
    }

    /// <summary>The resampling units: sample indices per patient (ordinal order of ids), or one per image.</summary>
    internal static int[][] Units(IReadOnlyList<Prediction> predictions, out string unit)
    {
        if (predictions.All(p => !string.IsNullOrEmpty(p.Group)))
        {
            unit = GroupUnit;
            return Enumerable.Range(0, predictions.Count)
                .GroupBy(i => predictions[i].Group!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.ToArray())
                .ToArray();
        }
        unit = ImageUnit;
        return Enumerable.Range(0, predictions.Count).Select(i => new[] { i }).ToArray();
    }

    /// <summary>numpy.percentile's default (linear) on sorted values, <paramref name="q"/> in [0, 1].</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
