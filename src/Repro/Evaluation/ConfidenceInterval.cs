namespace Repro.Evaluation;

/// <summary>A two-sided confidence interval (95% unless stated otherwise).</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public sealed record ConfidenceInterval(double Lower, double Upper);
