namespace Repro.Evaluation;

/// <summary>One metric over several runs (seeds).</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Sd">Sample standard deviation (n − 1); null for a single run.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="N">Runs in which the metric was defined.</param>
/// <param name="TrimmedMean">Mean with the best and the worst run dropped (MLPerf's rule for a result over
/// several runs); null for fewer than three runs.</param>
public sealed record SummaryStatistics(double Mean, double? Sd, double Min, double Max, int N, double? TrimmedMean = null)
{
    /// <summary>The statistics of <paramref name="values"/> (at least one).</summary>
    public static SummaryStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values to summarize", nameof(values));
        double mean = values.Average();
        double? sd = values.Count < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var sorted = values.Order().ToArray();
        double? trimmed = sorted.Length < 3 ? null : sorted[1..^1].Average();
        return new SummaryStatistics(mean, sd, sorted[0], sorted[^1], sorted.Length, trimmed);
    }
}
