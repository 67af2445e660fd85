using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// Benign-vs-cancer metrics on the lesion images of a prediction set (<see cref="LesionReport"/>), and the
/// lesion operating point chosen on validation (<see cref="LesionOperatingPoint"/>). Pure functions of the
/// predictions; the lesion score of an image is p(cancer) / (p(benign) + p(cancer)) — the model's probability of
/// cancer given that the image shows a lesion (½ when both are zero). Definitions as scikit-learn:
/// <c>roc_auc_score(y == cancer, score)</c> and <c>balanced_accuracy_score</c> of the call "cancer when
/// p(cancer) &gt; p(benign)" (numpy's arg-max over the two: benign wins ties). Intervals: a percentile bootstrap
/// resampling the lesion images' patients (<see cref="Bootstrap"/>'s units and seed), Wilson intervals for the
/// sensitivity and specificity.
/// </summary>
public static class LesionMetrics
{
    /// <summary>Interval name of the lesion ROC AUC.</summary>
    public const string RocAuc = "roc_auc";

    /// <summary>Interval name of the lesion balanced accuracy.</summary>
    public const string BalancedAccuracy = "balanced_accuracy";

    /// <summary>The metrics the lesion bootstrap gives intervals for.</summary>
    public static IReadOnlyList<string> IntervalNames { get; } = new[] { RocAuc, BalancedAccuracy };

    /// <summary>p(cancer) / (p(benign) + p(cancer)); ½ when both are zero.</summary>
    public static double Score(Prediction p)
    {
        double benign = p.Probabilities[ClassLabels.Benign], cancer = p.Probabilities[ClassLabels.Cancer];
        double sum = benign + cancer;
        return sum > 0 ? cancer / sum : 0.5;
    }

    /// <summary>
    /// The lesion images of <paramref name="predictions"/> (true label benign or cancer) as two-class
    /// predictions: probabilities [0, 1 − score, score], same id, label and group.
    /// </summary>
    public static List<Prediction> Lesions(IReadOnlyList<Prediction> predictions) =>
        predictions.Where(p => p.Label != ClassLabels.Normal).Select(p =>
        {
            double benign = p.Probabilities[ClassLabels.Benign], cancer = p.Probabilities[ClassLabels.Cancer], sum = benign + cancer;
            double[] probabilities = sum > 0 ? [0, benign / sum, cancer / sum] : [0, 0.5, 0.5];
            return p with { Probabilities = probabilities, RawScores = null }; // the lesion score is ranked, not the raw cancer score
        }).ToList();

    /// <summary>
    /// The lesion report of <paramref name="predictions"/>; null when the lesion images lack a benign or a
    /// cancer image (AUC and balanced accuracy are then undefined). Bootstrap intervals when
    /// <paramref name="options"/> asks for resamples.
    /// </summary>
    public static LesionReport? Compute(IReadOnlyList<Prediction> predictions, MetricOptions? options = null)
    {
        options ??= new MetricOptions();
        var lesions = Lesions(predictions);
        int cancer = lesions.Count(p => p.Label == ClassLabels.Cancer), benign = lesions.Count - cancer;
        if (cancer == 0 || benign == 0) return null;
        var table = new PredictionTable(lesions);
        var ones = table.Ones;
        double?[] values = Values(table, ones);
        int truePositives = 0, trueNegatives = 0;
        for (int i = 0; i < table.Count; i++)
        {
            bool called = table.Predicted[i] == ClassLabels.Cancer;
            if (table.Labels[i] == ClassLabels.Cancer) { if (called) truePositives++; }
            else if (!called) trueNegatives++;
        }
        double z = WilsonInterval.ZFor(options.Confidence);
        BootstrapResult? bootstrap = options.BootstrapResamples > 0
            ? Bootstrap.Resample(lesions, IntervalNames, weights => Values(table, weights), options.BootstrapResamples, options.Seed, options.Confidence)
            : null;
        return new LesionReport(
            N: lesions.Count, Benign: benign, Cancer: cancer,
            Patients: lesions.Where(p => !string.IsNullOrEmpty(p.Group)).Select(p => p.Group).Distinct(StringComparer.Ordinal).Count(),
            RocAuc: values[0]!.Value, BalancedAccuracy: values[1]!.Value,
            CancerSensitivity: (double)truePositives / cancer, CancerSensitivityCi: WilsonInterval.Compute(truePositives, cancer, z)!,
            BenignSpecificity: (double)trueNegatives / benign, BenignSpecificityCi: WilsonInterval.Compute(trueNegatives, benign, z)!,
            Intervals: bootstrap?.Intervals, Bootstrap: bootstrap?.Settings);
    }

    /// <summary>
    /// The lesion threshold chosen on <paramref name="validation"/>'s lesion images — the one that maximises
    /// sensitivity + specificity (Youden's J; the lowest such threshold, i.e. the most sensitive, on ties) for the
    /// rule "cancer when score ≥ t" — applied unchanged to <paramref name="test"/>'s lesion images. Null when
    /// either split lacks a benign or a cancer image.
    /// </summary>
    public static LesionOperatingPoint? OperatingPoint(IReadOnlyList<Prediction> validation, IReadOnlyList<Prediction> test)
    {
        var val = Lesions(validation);
        var tst = Lesions(test);
        bool BothClasses(List<Prediction> l) => l.Any(p => p.Label == ClassLabels.Cancer) && l.Any(p => p.Label == ClassLabels.Benign);
        if (!BothClasses(val) || !BothClasses(tst)) return null;
        double best = double.NegativeInfinity, threshold = 0;
        foreach (double t in val.Select(p => p.Probabilities[ClassLabels.Cancer]).Distinct().Order())
        {
            var stats = Evaluation.OperatingPoint.Apply(val, t);
            double j = stats.Sensitivity!.Value + stats.Specificity!.Value;
            if (j > best) { best = j; threshold = t; }
        }
        return new LesionOperatingPoint(threshold,
            Evaluation.OperatingPoint.Apply(val, threshold), Evaluation.OperatingPoint.Apply(tst, threshold));
    }

    // ROC AUC and balanced accuracy of the two-class table under per-sample multiplicities.
    private static double?[] Values(PredictionTable table, int[] weights)
    {
        const int c = ClassLabels.Cancer;
        double? auc = Ranking.RocAuc(table.Orders[c], table.Scores[c], table.Positive[c], weights);
        long pos = 0, neg = 0, tp = 0, tn = 0;
        for (int i = 0; i < table.Count; i++)
        {
            bool called = table.Predicted[i] == c;
            if (table.Labels[i] == c) { pos += weights[i]; if (called) tp += weights[i]; }
            else { neg += weights[i]; if (!called) tn += weights[i]; }
        }
        double? ba = pos == 0 || neg == 0 ? null : ((double)tp / pos + (double)tn / neg) / 2;
        return [auc, ba];
    }
}
