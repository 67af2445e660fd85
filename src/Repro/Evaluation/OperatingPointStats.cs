namespace Repro.Evaluation;

/// <summary>
/// One split at a fixed threshold: a sample is called positive (cancer) when its probability is at
/// least the threshold. Sensitivity and specificity with Wilson 95% intervals; null when the split
/// has no positive (respectively negative) sample.
/// </summary>
/// <param name="N">Samples.</param>
/// <param name="Positives">Samples of the positive class.</param>
/// <param name="Negatives">Samples of every other class.</param>
/// <param name="TruePositives">Positives called positive.</param>
/// <param name="TrueNegatives">Negatives called negative.</param>
/// <param name="Sensitivity">TP / positives.</param>
/// <param name="SensitivityCi">Wilson interval of the sensitivity.</param>
/// <param name="Specificity">TN / negatives.</param>
/// <param name="SpecificityCi">Wilson interval of the specificity.</param>
public sealed record OperatingPointStats(
    int N,
    int Positives,
    int Negatives,
    int TruePositives,
    int TrueNegatives,
    double? Sensitivity,
    ConfidenceInterval? SensitivityCi,
    double? Specificity,
    ConfidenceInterval? SpecificityCi);
