using System.Globalization;
using System.Text;

namespace Repro.Data.Audit;

/// <summary>The readable form of an <see cref="AuditReport"/> (what <c>repro audit</c> prints).</summary>
public static class AuditTable
{
    /// <summary>The report as plain-text tables.</summary>
    public static string Format(AuditReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');

        Line($"Dataset audit: {r.DataDir}");
        Line($"{r.Images} readable images, {r.Unreadable.Count} unreadable");
        Line();
        Line("Counts per split and class");
        Line($"  {"split",-6} {"class",-7} {"folder",-10} {"images",7} {"%",7} {"patients",9} {"size",-9} {"mode",-5} {"format",-6} {"bytes median",13} {"mean grey",10} {"jpeg q",7}");
        foreach (var s in r.Splits)
        {
            foreach (var k in s.Classes)
                Line(string.Format(c, "  {0,-6} {1,-7} {2,-10} {3,7} {4,7:F2} {5,9} {6,-9} {7,-5} {8,-6} {9,13:F0} {10,10:F3} {11,7}",
                    s.Split, k.Class, string.Join("|", k.Folders), k.Count, k.Percent, k.Patients, Dominant(k.Sizes), Dominant(k.Modes),
                    Dominant(k.Formats), k.FileBytes?.Median ?? double.NaN, k.MeanIntensity?.Mean ?? double.NaN,
                    k.JpegQuality is null ? "-" : k.JpegQuality.Median.ToString("F0", c)));
            Line(string.Format(c, "  {0,-6} {1,-7} {2,-10} {3,7} {4,7:F2} {5,9}", s.Split, "all", "", s.Total, 100.0, s.Patients));
        }
        Line();
        Line("Patients shared between splits");
        foreach (var o in r.PatientOverlaps)
            Line($"  {o.SplitA}-{o.SplitB}: {o.Ids.Count}{(o.Ids.Count > 0 ? "  (" + string.Join(", ", o.Ids.Take(10)) + (o.Ids.Count > 10 ? ", …" : "") + ")" : "")}");
        Line();
        Line($"Ids in more than one split or class: {r.IdConflicts.Count}");
        foreach (var x in r.IdConflicts)
            Line($"  {x.Id}: {string.Join(", ", x.Places)}{(x.MultipleSplits ? "  [split leak]" : "")}{(x.MultipleClasses ? "  [label conflict]" : "")}");
        Line();
        Line($"Byte-identical files (SHA-256): {r.ExactDuplicates.Count} group(s)");
        foreach (var g in r.ExactDuplicates.Take(20))
            Line($"  {g.Sha256[..12]}…: {string.Join(", ", g.Files)}");
        var n = r.NearDuplicates;
        Line();
        Line(string.Format(c, "Near-identical images: {0} pair(s) of {1} (pHash Hamming ≤ {2}: {3} candidate(s); confirmed when 16x16 thumbnails differ by ≤ {4:F1} grey levels)",
            n.Pairs, n.PairsCompared, n.Threshold, n.Candidates, n.ThumbnailThreshold));
        if (n.Pairs > 0) Line($"  {n.CrossSplitPairs} across splits, {n.CrossClassPairs} across classes, {n.DifferentIdPairs} with different ids");
        foreach (var p in n.Listed.Take(10))
            Line(string.Format(c, "  {0} d={1} diff={2:F2}  {3}  {4}{5}{6}", p.NearIdentical ? "near-identical" : "candidate     ", p.Distance,
                p.ThumbnailDifference, p.A, p.B, p.CrossSplit ? "  [cross-split]" : "", p.CrossClass ? "  [cross-class]" : ""));
        if (n.Candidates > 10) Line($"  … {n.Candidates - 10} more candidate(s) (see --json)");
        Line();
        Line("Source-shortcut probe (classifier on trivial features, fit on train; balanced accuracy, chance 0.333)");
        Line($"  {"probe",-24} {"features",9} {"train",7} {"val",7} {"test",7}   test recall N/B/C   (harmonized/: every image re-encoded at JPEG q{DataOptions.DefaultHarmonizeQuality})");
        foreach (var p in r.ShortcutProbes)
            Line(string.Format(c, "  {0,-24} {1,9} {2,7:F3} {3,7} {4,7}   {5}", p.Name, p.Features.Count, p.TrainBalancedAccuracy,
                Fmt(p.ValBalancedAccuracy), Fmt(p.TestBalancedAccuracy),
                p.TestRecall is null ? "-" : string.Join(" / ", p.TestRecall.Select(v => v.ToString("F2", c)))));
        if (r.Unreadable.Count > 0)
        {
            Line();
            Line("Unreadable files");
            foreach (var u in r.Unreadable) Line($"  {u}");
        }
        if (r.Notes.Count > 0)
        {
            Line();
            Line("Notes");
            foreach (var u in r.Notes) Line($"  {u}");
        }
        return sb.ToString();

        string Fmt(double? v) => v is null ? "-" : v.Value.ToString("F3", c);
    }

    private static string Dominant(IReadOnlyDictionary<string, int> tally) =>
        tally.Count == 0 ? "-" : tally.Count == 1 ? tally.Keys.First() : tally.OrderByDescending(kv => kv.Value).First().Key + "+";
}
