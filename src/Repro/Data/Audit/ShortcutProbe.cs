namespace Repro.Data.Audit;

/// <summary>
/// How well trivial, non-anatomical features separate the classes: a class-balanced multinomial
/// logistic regression (<see cref="BalancedLogisticRegression"/>) fit on the training split and scored
/// by balanced accuracy (mean per-class recall; chance = 1/3) on val and test. Well above chance means a
/// model can learn where an image came from (scanner, conversion) instead of what it shows.
/// </summary>
/// <param name="Name">Probe name (all_trivial, file_size, intensity).</param>
/// <param name="Features">Feature names.</param>
/// <param name="Classifier">What was fitted.</param>
/// <param name="TrainBalancedAccuracy">Balanced accuracy on the training split (fit data).</param>
/// <param name="ValBalancedAccuracy">Balanced accuracy on val; null without a val split.</param>
/// <param name="TestBalancedAccuracy">Balanced accuracy on test; null without a test split.</param>
/// <param name="ValRecall">Recall per class on val, label order.</param>
/// <param name="TestRecall">Recall per class on test, label order.</param>
/// <param name="Chance">Balanced accuracy of a constant or random guess.</param>
public sealed record ShortcutProbe(string Name, IReadOnlyList<string> Features, string Classifier,
    double TrainBalancedAccuracy, double? ValBalancedAccuracy, double? TestBalancedAccuracy,
    IReadOnlyList<double>? ValRecall, IReadOnlyList<double>? TestRecall, double Chance)
{
    /// <summary>Every trivial feature: log file size, mean grey level, 16 histogram bins, 8×8 block-boundary energy.</summary>
    public static IReadOnlyList<string> AllFeatureNames { get; } =
        ["log_file_bytes", "mean_intensity", .. Enumerable.Range(0, 16).Select(k => $"hist_{k * 16:D3}_{k * 16 + 15:D3}"), "block_energy"];

    /// <summary>Column of the block-boundary energy in <see cref="AllFeatureNames"/>.</summary>
    public const int BlockEnergyColumn = 18;

    /// <summary>Prefix of the probes on source-harmonised images (re-encoded at one quality).</summary>
    public const string HarmonizedPrefix = "harmonized/";

    /// <summary>Fits the probe on <paramref name="train"/> using feature columns <paramref name="columns"/> of <see cref="AllFeatureNames"/>.</summary>
    internal static ShortcutProbe Fit(string name, IReadOnlyList<int> columns,
        IReadOnlyList<ScannedImage> train, IReadOnlyList<ScannedImage> val, IReadOnlyList<ScannedImage> test, bool harmonized = false)
    {
        double[] Row(ScannedImage s)
        {
            var all = harmonized ? HarmonizedFeatureRow(s) : FeatureRow(s);
            return columns.Select(c => all[c]).ToArray();
        }
        var model = BalancedLogisticRegression.Fit(train.Select(Row).ToList(), train.Select(s => s.Label).ToList(), ClassLabels.Count);
        double[] Recall(IReadOnlyList<ScannedImage> set)
        {
            var hit = new int[ClassLabels.Count];
            var n = new int[ClassLabels.Count];
            foreach (var s in set)
            {
                n[s.Label]++;
                if (model.Predict(Row(s)) == s.Label) hit[s.Label]++;
            }
            return Enumerable.Range(0, ClassLabels.Count).Select(k => n[k] == 0 ? double.NaN : (double)hit[k] / n[k]).ToArray();
        }
        static double Balanced(double[] recall) => recall.Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Average();
        var trainRecall = Recall(train);
        double[]? valRecall = val.Count > 0 ? Recall(val) : null;
        double[]? testRecall = test.Count > 0 ? Recall(test) : null;
        return new ShortcutProbe(name, columns.Select(c => AllFeatureNames[c]).ToArray(),
            "multinomial logistic regression, class-balanced weights, L2 1e-3, standardised features, full-batch gradient descent (3000 steps of 0.5)",
            Balanced(trainRecall), valRecall is null ? null : Balanced(valRecall), testRecall is null ? null : Balanced(testRecall),
            valRecall, testRecall, 1.0 / ClassLabels.Count);
    }

    /// <summary>Every feature of one image, in <see cref="AllFeatureNames"/> order.</summary>
    internal static double[] FeatureRow(ScannedImage s) => [Math.Log(Math.Max(1, s.Bytes)), s.MeanIntensity, .. s.Histogram, s.BlockEnergy];

    /// <summary>The same features of the image after source harmonisation (the re-encoded file and its pixels).</summary>
    internal static double[] HarmonizedFeatureRow(ScannedImage s) =>
        [Math.Log(Math.Max(1, s.HarmonizedBytes)), s.HarmonizedMean, .. s.HarmonizedHistogram, s.HarmonizedBlockEnergy];
}
