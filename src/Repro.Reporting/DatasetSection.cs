using System.Text;
using Repro.Data;

namespace Repro.Reporting;

/// <summary>The dataset table: counts per split and class, patients, leakage and the shortcut probe (from the audit), else the result files' counts.</summary>
internal static class DatasetSection
{
    public static void Write(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("## 1. Dataset\n\n");
        if (ctx.Audit is { } audit)
        {
            sb.Append($"From the dataset audit `{ctx.AuditSource}` of `{audit.DataDir}`: {ReportFormat.Count(audit.Images)} readable images, {audit.Unreadable.Count} unreadable.\n\n");
            var counts = new MarkdownTable("split", "class", ">images", ">% of split", ">patients");
            foreach (var s in audit.Splits)
            {
                foreach (var c in s.Classes)
                    counts.Add(s.Split, c.Class, ReportFormat.Count(c.Count), ReportFormat.Number(c.Percent, 1), ReportFormat.Count(c.Patients));
                counts.Add($"**{s.Split}**", "**all**", $"**{ReportFormat.Count(s.Total)}**", "100.0", $"**{ReportFormat.Count(s.Patients)}**");
            }
            counts.WriteTo(sb);

            sb.Append("Leakage and duplicates:\n\n");
            var leak = new MarkdownTable("check", ">count", "examples");
            foreach (var o in audit.PatientOverlaps)
                leak.Add($"patients in both {o.SplitA} and {o.SplitB}", ReportFormat.Count(o.Ids.Count), Examples(o.Ids));
            leak.Add("ids in more than one split", ReportFormat.Count(audit.IdConflicts.Count(x => x.MultipleSplits)),
                Examples(audit.IdConflicts.Where(x => x.MultipleSplits).Select(x => x.Id)));
            leak.Add("ids under more than one class", ReportFormat.Count(audit.IdConflicts.Count(x => x.MultipleClasses)),
                Examples(audit.IdConflicts.Where(x => x.MultipleClasses).Select(x => x.Id)));
            leak.Add("byte-identical file groups", ReportFormat.Count(audit.ExactDuplicates.Count),
                Examples(audit.ExactDuplicates.Select(g => string.Join(" = ", g.Files.Take(2)))));
            var n = audit.NearDuplicates;
            leak.Add($"near-identical pairs ({n.Hash})", ReportFormat.Count(n.Pairs), "");
            leak.Add("… of which across splits", ReportFormat.Count(n.CrossSplitPairs), Examples(n.Listed.Where(p => p.NearIdentical && p.CrossSplit).Select(p => $"{p.A} ~ {p.B}")));
            leak.Add("… of which across classes", ReportFormat.Count(n.CrossClassPairs), Examples(n.Listed.Where(p => p.NearIdentical && p.CrossClass).Select(p => $"{p.A} ~ {p.B}")));
            leak.WriteTo(sb);

            if (audit.ShortcutProbes.Count > 0)
            {
                sb.Append("Source-shortcut probe: a class-balanced logistic regression on trivial features (file size, grey levels, 8×8 JPEG block-boundary energy), fit on train; " +
                          $"`harmonized/` rows: the same features after every image is re-encoded by one JPEG encoder at quality {Repro.Data.DataOptions.DefaultHarmonizeQuality} (the `--harmonize` data option). " +
                          "A balanced accuracy well above chance (0.333) means the classes can be told apart without looking at the breast.\n\n");
                var probe = new MarkdownTable("probe", ">features", ">train BA", ">val BA", ">test BA", "test recall N / B / C");
                foreach (var p in audit.ShortcutProbes)
                    probe.Add(p.Name, p.Features.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportFormat.Metric(p.TrainBalancedAccuracy),
                        ReportFormat.Metric(p.ValBalancedAccuracy), ReportFormat.Metric(p.TestBalancedAccuracy),
                        p.TestRecall is null ? ReportFormat.Missing : string.Join(" / ", p.TestRecall.Select(v => ReportFormat.Number(v, 2))));
                probe.WriteTo(sb);
            }
            foreach (string note in audit.Notes) sb.Append($"- audit note: {note}\n");
            if (audit.Notes.Count > 0) sb.Append('\n');
            return;
        }

        sb.Append("No audit given (`repro audit --json --out audit.json`, then `--audit audit.json`): counts come from the result files; " +
                  "patients, leakage and the shortcut probe are not known.\n\n");
        var table = new MarkdownTable("data", "split", ">normal", ">benign", ">cancer", ">total", "used by");
        foreach (var data in ctx.Runs.GroupBy(r => (r.Result.Data.Source, r.Result.Data.Fingerprint)))
        {
            var first = data.First().Result.Data;
            string presets = string.Join(", ", data.Select(r => r.Result.Preset).Distinct());
            foreach (var (split, c) in first.Counts.OrderBy(kv => SplitOrder(kv.Key)).Select(kv => (kv.Key, kv.Value)))
                table.Add($"`{first.Source}` ({first.ImageSize} px)", split,
                    Get(c, ClassLabels.Normal), Get(c, ClassLabels.Benign), Get(c, ClassLabels.Cancer), ReportFormat.Count(c.Sum()), presets);
        }
        table.WriteTo(sb);
    }

    private static string Get(int[] counts, int label) => label < counts.Length ? ReportFormat.Count(counts[label]) : ReportFormat.Missing;

    private static int SplitOrder(string split) => split switch { "train" => 0, "val" => 1, "test" => 2, _ => 3 };

    private static string Examples(IEnumerable<string> items)
    {
        var list = items.Take(4).ToList();
        return list.Count == 0 ? "" : string.Join(", ", list.Select(x => $"`{x}`")) + (items.Skip(4).Any() ? ", …" : "");
    }
}
