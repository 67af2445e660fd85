using Repro.IO;

namespace Repro.Data.Audit;

/// <summary>
/// What a dataset folder holds and what is wrong with it: counts per split and class, file statistics,
/// patients per split, ids that cross splits or classes (leakage, label conflicts), byte-identical and
/// near-identical images, and source-shortcut probes. Made by <see cref="Run"/>; written as JSON
/// (<see cref="ReproJson"/>) for the report, or as a table (<see cref="AuditTable"/>) for people.
/// </summary>
/// <param name="DataDir">The audited folder (absolute).</param>
/// <param name="Images">Readable images.</param>
/// <param name="Splits">Per split, in the order train, val, test.</param>
/// <param name="PatientOverlaps">Ids shared by each pair of splits.</param>
/// <param name="IdConflicts">Ids in more than one split or under more than one class.</param>
/// <param name="ExactDuplicates">Groups of byte-identical files.</param>
/// <param name="NearDuplicates">Near-identical images by perceptual hash.</param>
/// <param name="ShortcutProbes">Trivial-feature classifiers: file size + grey levels, file size only, grey levels only,
/// 8×8 block-boundary energy only; then the same four (<c>harmonized/…</c>) on every image re-encoded at JPEG quality
/// <see cref="DataOptions.DefaultHarmonizeQuality"/> (<see cref="ImageDecoding.Harmonize"/>, the loader's harmonised option).</param>
/// <param name="Unreadable">Files that could not be decoded, with the reason.</param>
/// <param name="Notes">Folders and files that were ignored, and missing splits.</param>
public sealed record AuditReport(string DataDir, int Images, IReadOnlyList<SplitAudit> Splits,
    IReadOnlyList<SplitOverlap> PatientOverlaps, IReadOnlyList<IdConflict> IdConflicts,
    IReadOnlyList<DuplicateGroup> ExactDuplicates, NearDuplicates NearDuplicates,
    IReadOnlyList<ShortcutProbe> ShortcutProbes, IReadOnlyList<string> Unreadable, IReadOnlyList<string> Notes)
{
    /// <summary>Audits the dataset at <paramref name="dataDir"/> (layout <c>{train,val,test}/{class}/</c>).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static AuditReport Run(string dataDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        string root = Path.GetFullPath(dataDir);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"data folder '{dataDir}' not found ({root}); pass --data DIR or run from the repository root");
        var notes = new List<string>();
        var scanned = ImageScanner.Scan(root, notes);
        if (scanned.Count == 0)
            throw new InvalidDataException($"{root}: no images under {{train,val,test}}/{{normal,benign,cancer|malignant}}/");
        var ok = scanned.Where(s => s.Error is null).ToList();
        var unreadable = scanned.Where(s => s.Error is not null).Select(s => $"{s.Path}: {s.Error}").ToList();

        var splits = ImageScanner.SplitNames
            .Select(split => ok.Where(s => s.Split == split).ToList())
            .Where(list => list.Count > 0)
            .Select(SplitOf).ToList();

        var idsBySplit = ImageScanner.SplitNames.ToDictionary(s => s, s => ok.Where(x => x.Split == s).Select(x => x.Id).ToHashSet(StringComparer.Ordinal));
        var overlaps = new List<SplitOverlap>();
        for (int a = 0; a < ImageScanner.SplitNames.Count; a++)
            for (int b = a + 1; b < ImageScanner.SplitNames.Count; b++)
            {
                string sa = ImageScanner.SplitNames[a], sb = ImageScanner.SplitNames[b];
                overlaps.Add(new SplitOverlap(sa, sb, idsBySplit[sa].Intersect(idsBySplit[sb]).Order(StringComparer.Ordinal).ToList()));
            }

        var conflicts = ok.GroupBy(s => s.Id, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Items: g.ToList()))
            .Where(g => g.Items.Select(s => s.Split).Distinct().Count() > 1 || g.Items.Select(s => s.Label).Distinct().Count() > 1)
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => new IdConflict(g.Id,
                g.Items.Select(s => $"{s.Split}/{ClassLabels.Names[s.Label]}").Distinct().OrderBy(p => SplitOrder(p)).ThenBy(p => p, StringComparer.Ordinal).ToList(),
                g.Items.Select(s => s.Split).Distinct().Count() > 1,
                g.Items.Select(s => s.Label).Distinct().Count() > 1,
                g.Items.Select(s => s.Path).ToList()))
            .ToList();

        var exact = scanned.Where(s => s.Sha256.Length > 0).GroupBy(s => s.Sha256, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateGroup(g.Key, g.Select(s => s.Path).ToList()))
            .OrderBy(g => g.Files[0], StringComparer.Ordinal)
            .ToList();

        var train = ok.Where(s => s.Split == "train").ToList();
        var val = ok.Where(s => s.Split == "val").ToList();
        var test = ok.Where(s => s.Split == "test").ToList();
        var probes = new List<ShortcutProbe>();
        if (train.Select(s => s.Label).Distinct().Count() > 1)
        {
            // file size and grey levels (the first probes' columns), the block-boundary energy alone; then the same four
            // on the source-harmonised images, reported whatever they show
            int greyEnd = ShortcutProbe.BlockEnergyColumn;
            foreach (bool harmonized in new[] { false, true })
            {
                string prefix = harmonized ? ShortcutProbe.HarmonizedPrefix : "";
                probes.Add(ShortcutProbe.Fit(prefix + "all_trivial", Enumerable.Range(0, greyEnd).ToList(), train, val, test, harmonized));
                probes.Add(ShortcutProbe.Fit(prefix + "file_size", [0], train, val, test, harmonized));
                probes.Add(ShortcutProbe.Fit(prefix + "intensity", Enumerable.Range(1, greyEnd - 1).ToList(), train, val, test, harmonized));
                probes.Add(ShortcutProbe.Fit(prefix + "block_energy", [ShortcutProbe.BlockEnergyColumn], train, val, test, harmonized));
            }
        }
        else
        {
            notes.Add("shortcut probe skipped: the training split has fewer than two classes");
        }

        return new AuditReport(root, ok.Count, splits, overlaps, conflicts, exact, FindNearDuplicates(ok), probes, unreadable, notes);
    }

    /// <summary>Writes the report as JSON (<see cref="ReproJson"/>), atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ReproJson.Serialize(this) + "\n");

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    public static AuditReport Read(string path) => ReproJson.Deserialize<AuditReport>(File.ReadAllText(path), path);

    /// <summary>The split audit called <paramref name="split"/>; null when absent.</summary>
    public SplitAudit? Split(string split) => Splits.FirstOrDefault(s => s.Split == split);

    private static int SplitOrder(string place)
    {
        int i = ImageScanner.SplitNames.ToList().IndexOf(place.Split('/')[0]);
        return i < 0 ? int.MaxValue : i;
    }

    private static SplitAudit SplitOf(List<ScannedImage> items)
    {
        int total = items.Count;
        var classes = Enumerable.Range(0, ClassLabels.Count)
            .Select(label => (label, list: items.Where(s => s.Label == label).ToList()))
            .Where(c => c.list.Count > 0)
            .Select(c => new ClassAudit(
                ClassLabels.Names[c.label], c.label,
                c.list.Select(s => s.Folder).Distinct().Order(StringComparer.Ordinal).ToList(),
                c.list.Count, 100.0 * c.list.Count / total,
                c.list.Select(s => s.Id).Distinct().Count(),
                Tally(c.list.Select(s => $"{s.Width}x{s.Height}")),
                Tally(c.list.Select(s => s.Mode)),
                Tally(c.list.Select(s => s.Format)),
                NumberSummary.Of(c.list.Select(s => (double)s.Bytes)),
                NumberSummary.Of(c.list.Select(s => s.MeanIntensity)),
                NumberSummary.Of(c.list.Where(s => s.JpegQuality is not null).Select(s => (double)s.JpegQuality!.Value))))
            .ToList();
        return new SplitAudit(items[0].Split, total, items.Select(s => s.Id).Distinct().Count(), classes);
    }

    private static SortedDictionary<string, int> Tally(IEnumerable<string> values)
    {
        var d = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in values) d[v] = d.GetValueOrDefault(v) + 1;
        return d;
    }

    private static NearDuplicates FindNearDuplicates(List<ScannedImage> images)
    {
        const int threshold = PerceptualHash.NearDuplicateThreshold;
        const double maxDiff = PerceptualHash.ThumbnailThreshold;
        var histogram = new long[17];
        var candidates = new List<NearDuplicatePair>();
        long compared = 0;
        for (int i = 0; i < images.Count; i++)
            for (int j = i + 1; j < images.Count; j++)
            {
                compared++;
                int d = PerceptualHash.Distance(images[i].PHash, images[j].PHash);
                if (d < histogram.Length) histogram[d]++;
                if (d > threshold) continue;
                var (a, b) = (images[i], images[j]);
                double diff = PerceptualHash.MeanAbsoluteDifference(a.Thumbnail, b.Thumbnail);
                candidates.Add(new NearDuplicatePair(a.Path, b.Path, d, Math.Round(diff, 3), diff <= maxDiff,
                    a.Id == b.Id, a.Split != b.Split, a.Label != b.Label));
            }
        var confirmed = candidates.Where(p => p.NearIdentical).ToList();
        var listed = candidates.OrderBy(p => p.ThumbnailDifference).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal)
            .Take(NearDuplicates.MaxListed).ToList();
        return new NearDuplicates("phash64: DCT of the 32x32 box-averaged grey image", threshold,
            "mean |difference| of 16x16 box-averaged grey thumbnails, grey levels 0-255", maxDiff,
            compared, candidates.Count, confirmed.Count,
            confirmed.Count(p => p.CrossSplit), confirmed.Count(p => p.CrossClass), confirmed.Count(p => !p.SameId), listed, histogram);
    }
}
