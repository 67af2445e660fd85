namespace Repro.Evaluation;

/// <summary>A decision threshold chosen on validation for a target specificity, and what it does on test.</summary>
/// <param name="PositiveClass">Name of the class called positive (cancer).</param>
/// <param name="TargetSpecificity">Specificity the threshold was chosen for on validation.</param>
/// <param name="Threshold">Lowest threshold on the positive class's probability whose validation specificity reaches the target.</param>
/// <param name="Validation">The threshold on the validation predictions.</param>
/// <param name="Test">The same threshold, unchanged, on the test predictions.</param>
public sealed record OperatingPointReport(
    string PositiveClass,
    double TargetSpecificity,
    double Threshold,
    OperatingPointStats Validation,
    OperatingPointStats Test);
