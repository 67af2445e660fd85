using System.Globalization;
using Repro.Data;
using Repro.Evaluation;
using Repro.Results;

namespace Repro.Cli;

/// <summary>The study's Q1-vs-Q2 table: per preset, parameters, test balanced accuracy (mean ± sd over seeds, with the
/// bootstrap CI of a single run), per-class recall, and the report's published figures; plus baseline rows.</summary>
internal static class StudyTable
{
    public static void Write(TextWriter w, IReadOnlyList<RunResult> results,
        IReadOnlyDictionary<string, (long Params, long Trainable, double BalancedAccuracy)> published)
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
                ? runs[0].Test.BalancedAccuracy.ToString("F3", inv) + Ci(runs[0].Test)
                : string.Create(inv, $"{ba.Mean:F3} ± {ba.Sd ?? 0:F3}");
            string recall = string.Join(" / ", ClassLabels.Names.Select(n => summary.Metrics["recall_" + n].Mean.ToString("F2", inv)));
            string key = group.Key.Replace("-smoke", "", StringComparison.Ordinal);
            string report = published.TryGetValue(key, out var pub) ? pub.BalancedAccuracy.ToString("F3", inv) : "";
            var counts = runs[0].Model.Parameters;
            w.WriteLine($"{group.Key,-24} {runs.Count,5} {counts.Total.ToString("N0", inv),11} {counts.Trainable.ToString("N0", inv),10} {baText,16} {recall,20} {report,9}");
        }
        // Baselines on the same test split: they need no training and show what "chance" looks like here.
        var test = results[0].TestPredictions;
        var trainCounts = results[0].Data.Counts["train"];
        foreach (var (name, preds) in new[]
                 {
                     ("baseline: all Normal", Baselines.AllNormal(test)),
                     ("baseline: stratified", Baselines.StratifiedRandom(test, trainCounts, 0)),
                 })
        {
            var m = Metrics.Compute(preds);
            string recall = string.Join(" / ", m.Classes.Select(c => c.Recall.ToString("F2", inv)));
            w.WriteLine($"{name,-24} {"",5} {"",11} {"",10} {m.BalancedAccuracy.ToString("F3", inv),16} {recall,20} {"",9}");
        }
        w.WriteLine("report: MTH416 final report (2025-05-29): Q1 1,636,611 params; Q2 11,242,563 params, 66,051 trainable.");
        if (results.Any(r => r.Data.Source.StartsWith("synthetic", StringComparison.Ordinal)))
            w.WriteLine("data: the embedded synthetic MTH416-shaped set, not the study's images (run without --synthetic from the repository, or with --data DIR).");
    }

    private static string Ci(MetricReport m) =>
        m.Intervals is not null && m.Intervals.TryGetValue(MetricNames.BalancedAccuracy, out var ci)
            ? string.Create(CultureInfo.InvariantCulture, $" [{ci.Lower:F2},{ci.Upper:F2}]")
            : "";
}
