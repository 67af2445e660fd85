namespace Repro.Evaluation;

/// <summary>
/// Benign-vs-cancer discrimination on the lesion images only (true label benign or cancer; normal images
/// left out), scored by p(cancer) / (p(benign) + p(cancer)) (<see cref="LesionMetrics.Score"/>). This is
/// the part of the task that the source shortcut (normal images come from another scanner pipeline) cannot
/// answer, so it is reported beside the 3-class figures.
/// </summary>
/// <param name="N">Lesion images.</param>
/// <param name="Benign">Benign images (negatives).</param>
/// <param name="Cancer">Cancer images (positives).</param>
/// <param name="Patients">Distinct patients among the lesion images (0 when no prediction has a group).</param>
/// <param name="RocAuc">ROC AUC of the lesion score, as <c>roc_auc_score(y == cancer, score)</c>.</param>
/// <param name="BalancedAccuracy">Balanced accuracy of the model's own call between the two (cancer when p(cancer) &gt; p(benign)).</param>
/// <param name="CancerSensitivity">Cancer images called cancer by that rule, with a Wilson interval.</param>
/// <param name="CancerSensitivityCi">Wilson interval of <paramref name="CancerSensitivity"/>.</param>
/// <param name="BenignSpecificity">Benign images called benign by that rule.</param>
/// <param name="BenignSpecificityCi">Wilson interval of <paramref name="BenignSpecificity"/>.</param>
/// <param name="Intervals">Bootstrap percentile intervals of <c>roc_auc</c> and <c>balanced_accuracy</c>
/// (<see cref="LesionMetrics.IntervalNames"/>), resampling patients; null when the bootstrap was off.</param>
/// <param name="Bootstrap">How the bootstrap was run (units: the patients among the lesion images).</param>
public sealed record LesionReport(
    int N,
    int Benign,
    int Cancer,
    int Patients,
    double RocAuc,
    double BalancedAccuracy,
    double CancerSensitivity,
    ConfidenceInterval CancerSensitivityCi,
    double BenignSpecificity,
    ConfidenceInterval BenignSpecificityCi,
    IReadOnlyDictionary<string, ConfidenceInterval>? Intervals = null,
    BootstrapSettings? Bootstrap = null);
