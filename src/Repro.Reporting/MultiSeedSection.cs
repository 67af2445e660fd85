using System.Globalization;
using System.Text;
using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>Per experiment, over its seeds: mean ± sd, min and max of balanced accuracy, macro-F1 and every class's recall (test split).</summary>
internal static class MultiSeedSection
{
    private static readonly string[] Shown =
        new[] { MetricNames.BalancedAccuracy, MetricNames.MacroF1 }.Concat(Enumerable.Range(0, Repro.Data.ClassLabels.Count).Select(MetricNames.Recall)).ToArray();

    public static void Write(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("## 3. Across seeds\n\n");
        sb.Append("Runs of one experiment (same preset, settings and data) that differ only in their seed; sd is the sample standard deviation (n − 1). " +
                  "`repro reproduce --seeds N` makes more seeds.\n\n");
        var table = new MarkdownTable("experiment", ">seeds", "metric", ">mean ± sd", ">min", ">max", "seeds run");
        foreach (var g in ctx.Groups)
        {
            var summary = MultiSeedSummary.Summarize(g.Runs.Select(r => r.Result.Test).ToList());
            string seeds = string.Join(", ", g.Runs.Select(r => r.Result.Seed.ToString(CultureInfo.InvariantCulture)));
            bool first = true;
            foreach (string metric in Shown)
            {
                if (!summary.Metrics.TryGetValue(metric, out var s)) continue;
                table.Add(first ? g.Label : "", first ? summary.Runs.ToString(CultureInfo.InvariantCulture) : "", metric,
                    ReportFormat.MeanSd(s), ReportFormat.Metric(s.Min), ReportFormat.Metric(s.Max), first ? seeds : "");
                first = false;
            }
        }
        table.WriteTo(sb);
        if (ctx.Groups.All(g => g.Runs.Count < 2))
            sb.Append("Every experiment has a single seed so far: sd is undefined (—).\n\n");
    }
}
