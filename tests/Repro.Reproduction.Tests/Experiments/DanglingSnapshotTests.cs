using System.Text.RegularExpressions;
using Repro.Experiments;
using Repro.Reproduction.Tests.Snapshots;

namespace Repro.Reproduction.Tests.Experiments;

/// <summary>
/// snapshots/ holds only what the catalogue produces: a verified file no entry makes any more (renamed or removed
/// entry, old format) fails here. Files of <c>gpu</c> entries are expected under any CUDA device class
/// (<c>{stem}.cuda-smXY.verified.ext</c>); <c>long</c> and <c>gpu</c> files may be absent (not yet verified).
/// </summary>
public class DanglingSnapshotTests
{
    /// <summary>The device classes a gpu entry's files may carry.</summary>
    public static readonly Regex DeviceClass = new(@"^cuda-sm\d+$", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_verified_file_is_made_by_a_catalogue_entry()
    {
        var files = Directory.GetFiles(Snapshot.Directory).Select(Path.GetFileName).OfType<string>().Except(TestSnapshots(), StringComparer.Ordinal);
        var dangling = Dangling(files, ExperimentCatalogue.All);
        Assert.True(dangling.Count == 0,
            "verified snapshot(s) that no catalogue entry produces (delete them, or restore the entry that made them):\n  " + string.Join("\n  ", dangling));
    }

    [Fact]
    public void The_check_flags_stray_files_and_accepts_device_class_files_of_gpu_entries()
    {
        var catalogue = ExperimentCatalogue.All;
        var gpu = catalogue.First(e => e.Tier == ExperimentTier.Gpu);
        var cpu = catalogue.First(e => e.Tier == ExperimentTier.Cpu);
        string cpuFile = cpu.SnapshotFiles().Select(f => $"{f.Stem}.verified.{f.Extension}").First();
        string gpuFile = gpu.SnapshotFiles("cuda-sm90").Select(f => $"{f.Stem}.verified.{f.Extension}").First();
        Assert.Empty(Dangling([cpuFile, gpuFile, "x.received.json", ".gitkeep"], catalogue));
        Assert.Equal(new[] { "Old.Test.verified.txt" }, Dangling(["Old.Test.verified.txt", cpuFile], catalogue));
        // A cpu entry's files carry no device class; a gpu entry's carry one.
        string cpuWithClass = cpu.SnapshotFiles("cuda-sm90").Select(f => $"{f.Stem}.verified.{f.Extension}").First();
        string gpuWithout = gpu.SnapshotFiles().Select(f => $"{f.Stem}.verified.{f.Extension}").First();
        Assert.Equal(new[] { cpuWithClass, gpuWithout }.Order(StringComparer.Ordinal), Dangling([cpuWithClass, gpuWithout], catalogue));
    }

    /// <summary>
    /// Verified files of snapshot tests outside the catalogue (<c>{Class}.{Method}[_{argument}].verified.txt</c> of any
    /// fact or theory in this assembly, found by reflection): the legacy study tests, kept while their catalogue entries
    /// have no verified JSON, and snapshot tests of other areas (patient folds).
    /// </summary>
    internal static IEnumerable<string> TestSnapshots()
    {
        foreach (var type in typeof(DanglingSnapshotTests).Assembly.GetTypes())
            foreach (var method in type.GetMethods())
            {
                if (method.GetCustomAttributes(typeof(FactAttribute), true).Length == 0) continue;
                var rows = method.GetCustomAttributes(typeof(InlineDataAttribute), true).Cast<InlineDataAttribute>()
                    .SelectMany(a => a.GetData(method)).Select(args => args.Length == 0 ? null : args[0]?.ToString()).ToList();
                rows.Add(null);
                foreach (string? argument in rows) yield return Snapshot.Name(type.Name, method.Name, argument) + ".verified.txt";
            }
    }

    /// <summary>The verified files among <paramref name="fileNames"/> that no entry of <paramref name="catalogue"/> makes.</summary>
    internal static List<string> Dangling(IEnumerable<string> fileNames, IReadOnlyList<Experiment> catalogue)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var gpuStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in catalogue)
        {
            if (e.Tier == ExperimentTier.Gpu)
                foreach (var (stem, ext) in e.SnapshotFiles()) gpuStems.Add($"{stem}|{ext}");
            else
                foreach (var (stem, ext) in e.SnapshotFiles()) expected.Add($"{stem}.verified.{ext}");
        }
        var dangling = new List<string>();
        foreach (string name in fileNames.Order(StringComparer.Ordinal))
        {
            int at = name.LastIndexOf(".verified.", StringComparison.Ordinal);
            if (at < 0) continue; // received files (git-ignored) and anything else are not verified snapshots
            if (expected.Contains(name)) continue;
            string stem = name[..at], ext = name[(at + ".verified.".Length)..];
            int dot = stem.LastIndexOf('.');
            if (dot > 0 && DeviceClass.IsMatch(stem[(dot + 1)..]) && gpuStems.Contains($"{stem[..dot]}|{ext}")) continue;
            dangling.Add(name);
        }
        return dangling;
    }
}
