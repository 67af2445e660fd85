namespace Repro.Reporting;

/// <summary>A cross-validation entry's snapshot read for the report.</summary>
/// <param name="Experiment">The catalogue entry.</param>
/// <param name="RelativePath">Its JSON's name under the snapshots folder.</param>
/// <param name="Result">The cross-validation result (pooled out-of-fold metrics, the folds in brief).</param>
public sealed record LoadedCrossValidation(string Experiment, string RelativePath, CrossValidationResult Result);
