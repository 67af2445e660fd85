using System.Globalization;
using Repro.Data;
using Repro.Evaluation;
using Repro.Reporting;
using Repro.Results;

namespace Repro.Cli;

/// <summary>The study's Q1-vs-Q2 table: per preset, parameters, test balanced accuracy (mean ± sd over seeds, with the
/// bootstrap CI of a single run), per-class recall, and the report's published figures (<see cref="PublishedResult"/>);
/// plus the report's baseline rows (<see cref="RunBaselines"/>).</summary>
internal static class StudyTable
{
    public static void Write(TextWriter w, IReadOnlyList<RunResult> results)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine($"{"preset",-24} {"seeds",5} {"params",11} {"trainable",10} {"test BA",16} {"recall N / B / C",20} {"report BA",9}");
        foreach (var group in results.GroupBy(r => r.Preset))
        {
            var runs = group.ToList();
            var summary = MultiSeedSummary.Summarize(runs.Select(r => r.Test).ToList());
            var ba = summary.Metrics[MetricNames.BalancedAccuracy];
            string baText = runs.Count == 1
                ? runs[0].Test.BalancedAccuracy.ToString("F3", inv) + CliFormat.AfterValue(runs[0].Test.Intervals, MetricNames.BalancedAccuracy, "F2", ",")
                : string.Create(inv, $"{ba.Mean:F3} ± {ba.Sd ?? 0:F3}");
            string recall = string.Join(" / ", Enumerable.Range(0, ClassLabels.Count).Select(c => summary.Metrics[MetricNames.Recall(c)].Mean.ToString("F2", inv)));
            string report = PublishedResult.For(group.Key) is { } pub ? pub.BalancedAccuracy.ToString("F3", inv) : "";
            var counts = runs[0].Model.Parameters;
            w.WriteLine($"{group.Key,-24} {runs.Count,5} {counts.Total.ToString("N0", inv),11} {counts.Trainable.ToString("N0", inv),10} {baText,16} {recall,20} {report,9}");
        }
        // Baselines on the same test split: they need no training and show what "chance" looks like here.
        var baselines = RunBaselines.Of(results[0]);
        foreach (var (name, m) in new[] { ("baseline: all Normal", baselines.AllNormal), ("baseline: stratified", baselines.Stratified) })
        {
            if (m is null) continue;
            string recall = string.Join(" / ", m.Classes.Select(c => c.Recall.ToString("F2", inv)));
            w.WriteLine($"{name,-24} {"",5} {"",11} {"",10} {m.BalancedAccuracy.ToString("F3", inv),16} {recall,20} {"",9}");
        }
        w.WriteLine("report: " + PublishedResult.Source + ": " + string.Join("; ", PublishedResult.Study.Select(p =>
            string.Create(inv, $"{p.Description} {p.Parameters:N0} params ({p.Trainable:N0} trainable), balanced accuracy {p.BalancedAccuracy:F3}"))) + ".");
        if (results.Any(r => r.Data.Source.StartsWith("synthetic", StringComparison.Ordinal)))
            w.WriteLine("data: the embedded synthetic MTH416-shaped set, not the study's images (run without --synthetic from the repository, or with --data DIR).");
    }

}
