using Repro.Data;

namespace Repro.Evaluation;

/// <summary>The names metrics go by in JSON, bootstrap intervals and multi-seed summaries.</summary>
public static class MetricNames
{
    /// <summary>Fraction of samples whose arg-max class is the true class.</summary>
    public const string Accuracy = "accuracy";
    /// <summary>Mean recall over the classes present in the true labels.</summary>
    public const string BalancedAccuracy = "balanced_accuracy";
    /// <summary>Unweighted mean F1 over the classes present in the true or predicted labels.</summary>
    public const string MacroF1 = "macro_f1";
    /// <summary>Support-weighted mean F1.</summary>
    public const string WeightedF1 = "weighted_f1";
    /// <summary>Matthews correlation coefficient (multi-class).</summary>
    public const string Mcc = "mcc";
    /// <summary>Mean one-vs-rest ROC AUC.</summary>
    public const string MacroRocAuc = "macro_roc_auc";
    /// <summary>Multi-class Brier score.</summary>
    public const string Brier = "brier";
    /// <summary>Mean negative log-likelihood of the true class.</summary>
    public const string LogLoss = "log_loss";
    /// <summary>Expected calibration error (15 bins).</summary>
    public const string Ece = "ece";

    /// <summary>Benign-vs-cancer ROC AUC on the lesion images (<see cref="LesionReport.RocAuc"/>).</summary>
    public const string LesionRocAuc = "lesion_roc_auc";
    /// <summary>Benign-vs-cancer balanced accuracy on the lesion images (<see cref="LesionReport.BalancedAccuracy"/>).</summary>
    public const string LesionBalancedAccuracy = "lesion_balanced_accuracy";

    /// <summary>The lesion (benign vs cancer) headline metrics.</summary>
    public static IReadOnlyList<string> Lesion { get; } = new[] { LesionRocAuc, LesionBalancedAccuracy };

    /// <summary>The overall metrics, in report order.</summary>
    public static IReadOnlyList<string> Overall { get; } =
        new[] { Accuracy, BalancedAccuracy, MacroF1, WeightedF1, Mcc, MacroRocAuc, Brier, LogLoss, Ece };

    /// <summary>The metrics the bootstrap gives intervals for: four overall ones and every class's recall.</summary>
    public static IReadOnlyList<string> Bootstrapped { get; } =
        new[] { Accuracy, BalancedAccuracy, MacroF1, MacroRocAuc }.Concat(Enumerable.Range(0, ClassLabels.Count).Select(Recall)).ToArray();

    /// <summary>The overall metrics, every class's recall, then the lesion metrics (what multi-seed summaries cover).</summary>
    public static IReadOnlyList<string> Summarized { get; } =
        Overall.Concat(Enumerable.Range(0, ClassLabels.Count).Select(Recall)).Concat(Lesion).ToArray();

    /// <summary>The name of a class's recall, e.g. <c>recall_cancer</c>.</summary>
    public static string Recall(int label) => "recall_" + ClassLabels.Names[label];
}
