namespace Repro.Evaluation;

/// <summary>One metric over several runs (seeds).</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Sd">Sample standard deviation (n − 1); null for a single run.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="N">Runs in which the metric was defined.</param>
public sealed record SummaryStatistics(double Mean, double? Sd, double Min, double Max, int N)
{
    /// <summary>Mean, sample sd (n − 1; null for one value), min and max of <paramref name="values"/>.</summary>
    public static SummaryStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values to summarize", nameof(values));
        double mean = values.Average();
        double? sd = values.Count < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new SummaryStatistics(mean, sd, values.Min(), values.Max(), values.Count);
    }
}
