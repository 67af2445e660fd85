namespace Repro.Evaluation;

/// <summary>
/// One class against the rest. Ratios with a zero denominator are 0 (scikit-learn's
/// <c>zero_division=0</c>); ranking metrics that are undefined (no positive, or for ROC AUC no
/// negative, sample of this class) are null and omitted from JSON.
/// </summary>
/// <param name="Name">Class name (normal, benign, cancer).</param>
/// <param name="Support">Number of samples whose true label is this class.</param>
/// <param name="Precision">TP / (TP + FP), the positive predictive value.</param>
/// <param name="Recall">TP / (TP + FN), the sensitivity.</param>
/// <param name="F1">2·P·R / (P + R).</param>
/// <param name="Specificity">TN / (TN + FP).</param>
/// <param name="Npv">TN / (TN + FN), the negative predictive value.</param>
/// <param name="RocAuc">One-vs-rest ROC AUC on this class's probability (ties count one half); null when undefined.</param>
/// <param name="AveragePrecision">Step-wise (uninterpolated) average precision; null when the class has no sample.</param>
/// <param name="RecallCi">Wilson interval of the recall; null when the class has no sample.</param>
/// <param name="SpecificityCi">Wilson interval of the specificity; null when every sample is of this class.</param>
public sealed record ClassMetrics(
    string Name,
    int Support,
    double Precision,
    double Recall,
    double F1,
    double Specificity,
    double Npv,
    double? RocAuc,
    double? AveragePrecision,
    ConfidenceInterval? RecallCi,
    ConfidenceInterval? SpecificityCi);
