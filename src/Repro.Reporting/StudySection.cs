using Repro.Results;
using System.Text;
using Repro.Data;
using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>
/// The study's Q1-vs-Q2 table: per experiment, parameters, test balanced accuracy (mean ± sd over seeds, or one
/// run's value with its bootstrap CI) and per-class recall, beside the report's published figures; then the
/// baseline rows on the same test split.
/// </summary>
internal static class StudySection
{
    public static void Write(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("## 2. The study: Q1 vs Q2\n\n");
        sb.Append("Test-split figures of each experiment beside what the study's final report (MTH416, 2025-05-29) published. " +
                  "Balanced accuracy is the mean over seeds ± sd when there are several seeds, else the single run's value with its bootstrap 95% CI.\n\n");
        var table = new MarkdownTable("experiment", ">seeds", ">params", ">trainable", ">test balanced accuracy", "recall N / B / C",
            ">published params", ">published trainable", ">published BA");
        foreach (var g in ctx.Groups)
        {
            var runs = g.Runs;
            var summary = MultiSeedSummary.Summarize(runs.Select(r => r.Result.Test).ToList());
            string ba = runs.Count == 1
                ? ReportFormat.WithInterval(runs[0].Result.Test.BalancedAccuracy, runs[0].Result.Test.Intervals?.GetValueOrDefault(MetricNames.BalancedAccuracy))
                : ReportFormat.MeanSd(summary.Metrics[MetricNames.BalancedAccuracy]);
            string recall = string.Join(" / ", Enumerable.Range(0, ClassLabels.Count)
                .Select(c => summary.Metrics.TryGetValue(MetricNames.Recall(c), out var s) ? ReportFormat.Number(s.Mean, 2) : ReportFormat.Missing));
            var p = runs[0].Result.Model.Parameters;
            var published = PublishedResult.For(g.Preset);
            table.Add($"[{g.Label}](#{ReportContext.Anchor(runs[0])})", runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportFormat.Count(p.Total), ReportFormat.Count(p.Trainable), ba, recall,
                published is null ? "" : ReportFormat.Count(published.Parameters),
                published is null ? "" : ReportFormat.Count(published.Trainable),
                published is null ? "" : ReportFormat.Metric(published.BalancedAccuracy));
        }

        // Baselines need no training: one set per distinct test split.
        var testSets = ctx.Runs.Where(r => r.Result.TestPredictions.Count > 0)
            .GroupBy(r => r.Result.Data.Fingerprint).Select(x => x.First()).ToList();
        foreach (var run in testSets)
        {
            string suffix = testSets.Count > 1 ? $" (data {run.Result.Data.Fingerprint[..Math.Min(8, run.Result.Data.Fingerprint.Length)]})" : "";
            var b = RunBaselines.Of(run.Result);
            AddBaseline(table, "baseline: all Normal" + suffix, b.AllNormal);
            if (b.Stratified is not null) AddBaseline(table, "baseline: stratified random" + suffix, b.Stratified);
        }
        if (ctx.ShortcutProbe is { } probe)
            table.Add($"baseline: source-shortcut probe ({probe.Name}, audit)", "", "", "", ReportFormat.Metric(probe.TestBalancedAccuracy),
                probe.TestRecall is null ? ReportFormat.Missing : string.Join(" / ", probe.TestRecall.Select(v => ReportFormat.Number(v, 2))));
        table.WriteTo(sb);

        sb.Append("Published: " + string.Join("; ", PublishedResult.Study.Select(p =>
                      $"{p.Description} {ReportFormat.Count(p.Parameters)} parameters ({ReportFormat.Count(p.Trainable)} trainable), balanced accuracy {ReportFormat.Metric(p.BalancedAccuracy)}")) +
                  ". Chance balanced accuracy for three classes is 0.333.\n");
        if (ctx.Runs.Any(r => r.Result.Preset.EndsWith("-smoke", StringComparison.Ordinal)))
            sb.Append("\n`*-smoke` presets are the CPU-sized versions of the protocols (smaller images, fewer epochs): compare their numbers with care.\n");
        if (ctx.Runs.Any(r => r.Result.Data.Source.StartsWith("synthetic", StringComparison.Ordinal)))
            sb.Append("\nSome runs used the embedded synthetic MTH416-shaped set, not the study's images (`--data data/mth416`).\n");
        sb.Append('\n');
    }

    private static void AddBaseline(MarkdownTable table, string name, MetricReport m) =>
        table.Add(name, "", "", "", ReportFormat.Metric(m.BalancedAccuracy), string.Join(" / ", m.Classes.Select(c => ReportFormat.Number(c.Recall, 2))));
}
