using System.Text;
using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>
/// Benign vs cancer on the lesion images of each run's test split (<see cref="LesionMetrics"/>): ROC AUC and balanced
/// accuracy with patient-bootstrap intervals, and the lesion operating point chosen on validation, applied to test.
/// </summary>
internal static class LesionSection
{
    public static void Write(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("## 4b. Lesions (benign vs cancer)\n\n");
        sb.Append("The part of the task that the source shortcut cannot answer: only the test images labelled benign or cancer, scored by " +
                  "p(cancer) / (p(benign) + p(cancer)). AUC and balanced accuracy (the model's own call: cancer when p(cancer) > p(benign)) with " +
                  "95% bootstrap intervals over patients; the threshold is chosen on the validation lesion images (Youden's J) and applied unchanged " +
                  "to test, sensitivity and specificity with Wilson 95% intervals. Chance: AUC 0.5, balanced accuracy 0.5.\n\n");
        var table = new MarkdownTable("run", ">lesions (benign / cancer)", ">patients", ">ROC AUC [95% CI]", ">balanced accuracy [95% CI]",
            ">threshold (val)", ">test cancer sensitivity [95% CI]", ">test benign specificity [95% CI]");
        foreach (var run in ctx.Runs)
        {
            if (run.Result.Test.Lesion is not { } l) continue;
            var op = run.Result.LesionOperatingPoint;
            table.Add($"[{run.Label}](#{ReportContext.Anchor(run)})", $"{l.N} ({l.Benign} / {l.Cancer})", ReportFormat.Count(l.Patients),
                ReportFormat.WithInterval(l.RocAuc, l.Intervals?.GetValueOrDefault(LesionMetrics.RocAuc)),
                ReportFormat.WithInterval(l.BalancedAccuracy, l.Intervals?.GetValueOrDefault(LesionMetrics.BalancedAccuracy)),
                op is null ? ReportFormat.Metric(null) : ReportFormat.Number(op.Threshold, 4),
                op is null ? ReportFormat.Metric(null) : ReportFormat.WithInterval(op.Test.Sensitivity, op.Test.SensitivityCi),
                op is null ? ReportFormat.Metric(null) : ReportFormat.WithInterval(op.Test.Specificity, op.Test.SpecificityCi));
        }
        if (table.Count == 0)
        {
            sb.Append("No result file has lesion metrics (benign and cancer test images).\n\n");
            return;
        }
        table.WriteTo(sb);
    }
}
