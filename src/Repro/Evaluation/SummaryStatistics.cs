namespace Repro.Evaluation;

/// <summary>One metric over several runs (seeds).</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Sd">Sample standard deviation (n − 1); null for a single run.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="N">Runs in which the metric was defined.</param>
public sealed record SummaryStatistics(double Mean, double? Sd, double Min, double Max, int N);
