using System.Globalization;
using System.Text;
using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>Per experiment, over its seeds: mean ± sd, trimmed mean, min and max of balanced accuracy, macro-F1, every class's recall and the lesion metrics (test split).</summary>
internal static class MultiSeedSection
{
    private static readonly string[] Shown =
        new[] { MetricNames.BalancedAccuracy, MetricNames.MacroF1 }.Concat(Enumerable.Range(0, Repro.Data.ClassLabels.Count).Select(MetricNames.Recall))
            .Concat(MetricNames.Lesion).ToArray();

    public static void Write(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("## 3. Across seeds\n\n");
        sb.Append("Runs of one experiment (same preset, settings and data) that differ only in their seed; sd is the sample standard deviation (n − 1); " +
                  "trimmed: the mean with the best and the worst run dropped (MLPerf's rule; three runs or more). " +
                  "`repro reproduce --seeds N` makes more seeds.\n\n");
        var table = new MarkdownTable("experiment", ">seeds", "metric", ">mean ± sd", ">trimmed", ">min", ">max", "seeds run");
        foreach (var g in ctx.Groups)
        {
            var summary = MultiSeedSummary.Summarize(g.Runs.Select(r => r.Result.Test).ToList());
            string seeds = string.Join(", ", g.Runs.Select(r => r.Result.Seed.ToString(CultureInfo.InvariantCulture)));
            bool first = true;
            foreach (string metric in Shown)
            {
                if (!summary.Metrics.TryGetValue(metric, out var s)) continue;
                table.Add(first ? g.Label : "", first ? summary.Runs.ToString(CultureInfo.InvariantCulture) : "", metric,
                    ReportFormat.MeanSd(s), ReportFormat.Metric(s.TrimmedMean), ReportFormat.Metric(s.Min), ReportFormat.Metric(s.Max), first ? seeds : "");
                first = false;
            }
        }
        table.WriteTo(sb);
        if (ctx.Groups.All(g => g.Runs.Count < 2))
            sb.Append("Every experiment has a single seed so far: sd is undefined (—).\n\n");
    }
}
