using System.Globalization;
using System.Text;
using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>The Cancer operating point: the threshold chosen on validation for a target specificity, applied unchanged to test.</summary>
internal static class OperatingPointSection
{
    public static void Write(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("## 4. Operating point (Cancer vs rest)\n\n");
        sb.Append("An image is called Cancer when p(cancer) ≥ threshold. The threshold is the lowest one whose validation specificity reaches the target; " +
                  "it is then applied unchanged to test. Intervals are Wilson 95%.\n\n");
        var table = new MarkdownTable("run", ">target spec.", ">threshold", ">val sensitivity", ">val specificity",
            ">test sensitivity [95% CI]", ">test specificity [95% CI]", ">test TP / cancers", ">test TN / others");
        foreach (var run in ctx.Runs)
        {
            if (run.Result.OperatingPoint is not { } op) continue;
            table.Add($"[{run.Label}](#{ReportContext.Anchor(run)})", ReportFormat.Number(op.TargetSpecificity, 2), ReportFormat.Number(op.Threshold, 4),
                ReportFormat.Metric(op.Validation.Sensitivity), ReportFormat.Metric(op.Validation.Specificity),
                ReportFormat.WithInterval(op.Test.Sensitivity, op.Test.SensitivityCi), ReportFormat.WithInterval(op.Test.Specificity, op.Test.SpecificityCi),
                Ratio(op.Test.TruePositives, op.Test.Positives), Ratio(op.Test.TrueNegatives, op.Test.Negatives));
        }
        if (table.Count == 0)
        {
            sb.Append("No result file has an operating point.\n\n");
            return;
        }
        table.WriteTo(sb);
        sb.Append("Baselines at any threshold: all-Normal calls nothing Cancer (sensitivity 0, specificity 1); a random score reaches the target specificity with sensitivity ≈ 1 − target.\n\n");
    }

    private static string Ratio(int a, int b) => $"{a.ToString(CultureInfo.InvariantCulture)} / {b.ToString(CultureInfo.InvariantCulture)}";
}
