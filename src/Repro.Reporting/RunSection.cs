using Repro.Results;
using System.Globalization;
using System.Text;
using Repro.Data;
using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>
/// One run in full: the overall test metrics with bootstrap 95% CIs beside the baselines, the per-class table
/// (Wilson CIs of recall and specificity), the confusion matrix, and its figures.
/// </summary>
internal static class RunSection
{
    public static void Write(StringBuilder sb, ReportContext ctx, LoadedRun run)
    {
        var r = run.Result;
        var m = r.Test;
        var inv = CultureInfo.InvariantCulture;
        sb.Append($"<a id=\"{ReportContext.Anchor(run)}\"></a>\n\n### {run.Label}\n\n");
        sb.Append($"`{run.RelativePath}` · {r.Model.Architecture} · device {r.Device} · data `{r.Data.Source}` ({r.Data.ImageSize} px) · " +
                  $"settings {r.SettingsHash} · {r.EpochsRun} epoch(s){(r.StoppedEarly ? ", stopped early" : "")} · evaluated weights: {r.EvaluatedWeights}. " +
                  $"Validation balanced accuracy {ReportFormat.Metric(r.Validation.BalancedAccuracy)}.\n\n");
        foreach (string w in r.Warnings) sb.Append($"> ⚠ {w}\n");
        if (r.Warnings.Count > 0) sb.Append('\n');

        var baselines = r.TestPredictions.Count > 0 ? RunBaselines.Of(r) : null;
        sb.Append($"Test metrics ({m.N.ToString(inv)} images: {string.Join(", ", m.Classes.Select(c => $"{c.Support.ToString(inv)} {c.Name}"))}). ");
        sb.Append(m.Bootstrap is { } b
            ? $"95% CIs: percentile bootstrap, {b.Resamples.ToString("N0", inv)} resamples of {b.Units.ToString(inv)} {b.Unit}s, seed {b.Seed.ToString(inv)}.\n\n"
            : "No bootstrap was run for this file (no CIs).\n\n");
        var overall = new MarkdownTable("metric", ">value", ">95% CI", ">all-Normal", ">stratified random");
        foreach (string name in MetricNames.Overall)
            overall.Add(name, ReportFormat.Metric(m.Value(name)), ReportFormat.Interval(m.Intervals?.GetValueOrDefault(name)),
                ReportFormat.Metric(baselines?.AllNormal.Value(name)), ReportFormat.Metric(baselines?.Stratified?.Value(name)));
        overall.WriteTo(sb);
        if (ctx.ShortcutProbe is { } probe)
            sb.Append($"Source-shortcut probe ({probe.Name}, audit): test balanced accuracy {ReportFormat.Metric(probe.TestBalancedAccuracy)}.\n\n");

        var classes = new MarkdownTable("class", ">support", ">precision", ">recall", ">recall 95% (Wilson)", ">recall 95% (bootstrap)",
            ">specificity", ">specificity 95% (Wilson)", ">NPV", ">F1", ">ROC AUC", ">AP");
        for (int c = 0; c < m.Classes.Count; c++)
        {
            var k = m.Classes[c];
            classes.Add(k.Name, k.Support.ToString(inv), ReportFormat.Metric(k.Precision), ReportFormat.Metric(k.Recall), ReportFormat.Interval(k.RecallCi),
                ReportFormat.Interval(m.Intervals?.GetValueOrDefault(MetricNames.Recall(c))), ReportFormat.Metric(k.Specificity),
                ReportFormat.Interval(k.SpecificityCi), ReportFormat.Metric(k.Npv), ReportFormat.Metric(k.F1), ReportFormat.Metric(k.RocAuc),
                ReportFormat.Metric(k.AveragePrecision));
        }
        classes.WriteTo(sb);

        sb.Append("Confusion matrix (rows = true class, columns = predicted):\n\n");
        var names = ClassLabels.DisplayNames.Take(m.ConfusionMatrix.Count).ToArray();
        var cm = new MarkdownTable(new[] { "true \\ predicted" }.Concat(names.Select(n => ">" + n)).Append(">total").ToArray());
        for (int a = 0; a < m.ConfusionMatrix.Count; a++)
        {
            var row = m.ConfusionMatrix[a];
            cm.Add(new[] { names[a] }.Concat(row.Select((v, p) => p == a ? $"**{v.ToString(inv)}**" : v.ToString(inv)))
                .Append(row.Sum().ToString(inv)).ToArray());
        }
        cm.WriteTo(sb);

        var figures = new (string Kind, string Alt)[]
        {
            ("confusion", "confusion matrix"), ("roc", "ROC curves per class"), ("pr", "precision-recall curves per class"), ("training", "training curves"),
        }.Where(f => ctx.Figures.Contains(ReportContext.FigurePath(run, f.Kind))).ToList();
        foreach (var (kind, alt) in figures)
            sb.Append($"![{run.Label}: {alt}]({ReportContext.FigurePath(run, kind)})\n");
        if (figures.Count > 0) sb.Append('\n');
    }
}
