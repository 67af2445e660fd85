using Repro.IO;
using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// Every metric of one set of predictions, as <c>repro evaluate --json</c> prints it and result
/// files embed it (serialize with <see cref="Repro.IO.ReproJson.Options"/>). Definitions follow
/// scikit-learn; see <see cref="Metrics"/> for each and for the deliberate differences.
/// </summary>
/// <param name="N">Number of predictions.</param>
/// <param name="Accuracy">Fraction correct.</param>
/// <param name="BalancedAccuracy">Mean recall over the classes present in the true labels.</param>
/// <param name="MacroF1">Mean F1 over the classes present in the true or predicted labels.</param>
/// <param name="WeightedF1">Support-weighted mean F1.</param>
/// <param name="Mcc">Matthews correlation coefficient (0 when undefined, as scikit-learn).</param>
/// <param name="MacroRocAuc">Mean one-vs-rest ROC AUC; null when any class's AUC is undefined (scikit-learn raises).</param>
/// <param name="Brier">Mean over samples of the squared distance between the probability vector and the one-hot label.</param>
/// <param name="LogLoss">Mean −log p(true class), probabilities clipped to [ε, 1−ε] and renormalised (scikit-learn 1.2).</param>
/// <param name="Ece">Expected calibration error: 15 equal-width bins on the top probability.</param>
/// <param name="ConfusionMatrix">Counts; rows = true class, columns = predicted, order normal/benign/cancer.</param>
/// <param name="Classes">Per-class metrics in label order.</param>
/// <param name="Intervals">Bootstrap percentile intervals by metric name; null when the bootstrap was off.</param>
/// <param name="Bootstrap">How the bootstrap was run; null when it was off.</param>
/// <param name="Lesion">Benign vs cancer on the lesion images only (<see cref="LesionMetrics"/>); null when the
/// predictions lack a benign or a cancer image.</param>
public sealed record MetricReport(
    int N,
    double Accuracy,
    double BalancedAccuracy,
    double MacroF1,
    double WeightedF1,
    double Mcc,
    double? MacroRocAuc,
    double Brier,
    double LogLoss,
    double Ece,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    IReadOnlyList<ClassMetrics> Classes,
    IReadOnlyDictionary<string, ConfidenceInterval>? Intervals = null,
    BootstrapSettings? Bootstrap = null,
    LesionReport? Lesion = null)
{
    /// <summary>
    /// The value of a metric by name: any of <see cref="MetricNames.Overall"/>, the lesion metrics
    /// (<see cref="MetricNames.Lesion"/>), or
    /// <c>recall_</c>/<c>precision_</c>/<c>f1_</c>/<c>specificity_</c>/<c>roc_auc_</c> + a class name. Null when undefined.
    /// </summary>
    public double? Value(string metric)
    {
        switch (metric)
        {
            case MetricNames.Accuracy: return Accuracy;
            case MetricNames.BalancedAccuracy: return BalancedAccuracy;
            case MetricNames.MacroF1: return MacroF1;
            case MetricNames.WeightedF1: return WeightedF1;
            case MetricNames.Mcc: return Mcc;
            case MetricNames.MacroRocAuc: return MacroRocAuc;
            case MetricNames.Brier: return Brier;
            case MetricNames.LogLoss: return LogLoss;
            case MetricNames.Ece: return Ece;
            case MetricNames.LesionRocAuc: return Lesion?.RocAuc;
            case MetricNames.LesionBalancedAccuracy: return Lesion?.BalancedAccuracy;
        }
        int cut = metric.LastIndexOf('_');
        if (cut > 0 && ClassLabels.FromName(metric[(cut + 1)..]) is int label && label < Classes.Count)
        {
            var c = Classes[label];
            switch (metric[..cut])
            {
                case "recall": return c.Recall;
                case "precision": return c.Precision;
                case "f1": return c.F1;
                case "specificity": return c.Specificity;
                case "npv": return c.Npv;
                case "roc_auc": return c.RocAuc;
                case "average_precision": return c.AveragePrecision;
            }
        }
        throw new ArgumentException($"unknown metric '{metric}'", nameof(metric));
    }
}
