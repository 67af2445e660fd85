namespace Repro.Evaluation;

/// <summary>
/// Mean ± sd, min, max and the mean with the best and worst run dropped of each metric in <see cref="MetricNames.Summarized"/> (the overall metrics and
/// every class's recall) over runs that differ only in their seed.
/// </summary>
/// <param name="Runs">Number of reports summarized.</param>
/// <param name="Metrics">Metric name → statistics, in <see cref="MetricNames.Summarized"/> order; a metric undefined in every run is absent.</param>
public sealed record MultiSeedSummary(int Runs, IReadOnlyDictionary<string, SummaryStatistics> Metrics)
{
    /// <summary>Summarizes <paramref name="reports"/> (one per seed); runs where a metric is null are skipped for it.</summary>
    public static MultiSeedSummary Summarize(IReadOnlyList<MetricReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0) throw new ArgumentException("no reports to summarize", nameof(reports));
        var metrics = new Dictionary<string, SummaryStatistics>();
        foreach (string name in MetricNames.Summarized)
        {
            var values = reports.Select(r => r.Value(name)).OfType<double>().ToArray();
            if (values.Length == 0) continue;
            metrics[name] = SummaryStatistics.Of(values);
        }
        return new MultiSeedSummary(reports.Count, metrics);
    }
}
