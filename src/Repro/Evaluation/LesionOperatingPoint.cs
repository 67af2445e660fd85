namespace Repro.Evaluation;

/// <summary>
/// A benign-vs-cancer threshold on the lesion score, chosen on the validation lesion images (Youden's J, see
/// <see cref="LesionMetrics.OperatingPoint"/>), and what it does on test: cancer sensitivity and benign
/// specificity with Wilson intervals (positives: cancer images; negatives: benign images).
/// </summary>
/// <param name="Threshold">Call cancer when p(cancer) / (p(benign) + p(cancer)) ≥ this.</param>
/// <param name="Validation">The threshold on the validation lesion images.</param>
/// <param name="Test">The same threshold, unchanged, on the test lesion images.</param>
public sealed record LesionOperatingPoint(double Threshold, OperatingPointStats Validation, OperatingPointStats Test);
