using Repro.IO;
using Repro.Data.Audit;
using Repro.Results;

namespace Repro.Tests.Data.Audit;

/// <summary>The audit runs once on the vendored MTH416 set (a few seconds) and is shared by the tests.</summary>
public sealed class Mth416AuditFixture
{
    public AuditReport Report { get; } = AuditReport.Run(RepoPaths.Mth416);
}

public class AuditReportTests(Mth416AuditFixture fixture) : IClassFixture<Mth416AuditFixture>
{
    private readonly AuditReport _r = fixture.Report;

    private int Count(string split, string cls) => _r.Split(split)!.Classes.Single(c => c.Class == cls).Count;

    [Fact]
    public void Counts_match_the_provenance_table()
    {
        Assert.Equal(3071, _r.Images);
        Assert.Equal([2145, 186, 132], new[] { Count("train", "normal"), Count("train", "benign"), Count("train", "cancer") });
        Assert.Equal([267, 20, 16], new[] { Count("val", "normal"), Count("val", "benign"), Count("val", "cancer") });
        Assert.Equal([267, 20, 18], new[] { Count("test", "normal"), Count("test", "benign"), Count("test", "cancer") });
        Assert.Equal(87.09, _r.Split("train")!.Classes[0].Percent, 2);
        Assert.Equal(["malignant"], _r.Split("test")!.Classes[2].Folders);
        Assert.Empty(_r.Unreadable);
    }

    [Fact]
    public void Image_statistics_describe_224_grayscale_jpegs_and_the_file_size_gap()
    {
        foreach (var s in _r.Splits)
            foreach (var c in s.Classes)
            {
                Assert.Equal(c.Count, c.Sizes["224x224"]);
                Assert.Equal(c.Count, c.Modes["L"]);
                Assert.Equal(c.Count, c.Formats["JPEG"]);
            }
        var train = _r.Split("train")!;
        Assert.InRange(train.Classes[0].FileBytes!.Median, 7000, 8500);
        Assert.InRange(train.Classes[1].FileBytes!.Median, 2500, 3500);
    }

    [Fact]
    public void Finds_the_P_00160_leak_and_patient_counts()
    {
        var leak = Assert.Single(_r.IdConflicts, x => x.Id == "P_00160");
        Assert.Equal(["val/cancer", "test/benign"], leak.Places);
        Assert.True(leak.MultipleSplits);
        Assert.True(leak.MultipleClasses);
        Assert.Equal(["P_00160"], _r.PatientOverlaps.Single(o => o.SplitA == "val" && o.SplitB == "test").Ids);
        Assert.Equal(868, _r.Splits.Sum(s => s.Patients) - 1); // one patient counted in two splits
        Assert.Equal(9, _r.Split("test")!.Classes[2].Patients);
        Assert.Equal(11, _r.Split("test")!.Classes[1].Patients);
    }

    [Fact]
    public void No_byte_identical_files_and_near_duplicates_are_confirmed_not_just_hashed()
    {
        Assert.Empty(_r.ExactDuplicates);
        var n = _r.NearDuplicates;
        Assert.Equal(3071L * 3070 / 2, n.PairsCompared);
        Assert.Equal(n.PairsCompared, n.DistanceHistogram.Sum() + CountAbove16(n));
        Assert.True(n.Candidates >= n.Pairs);
        Assert.All(n.Listed, p => Assert.Equal(p.ThumbnailDifference <= n.ThumbnailThreshold, p.NearIdentical));
        Assert.Equal(n.Listed.Count(p => p.NearIdentical), Math.Min(n.Pairs, n.Listed.Count(p => p.NearIdentical)));
    }

    private static long CountAbove16(NearDuplicates n) => n.PairsCompared - n.DistanceHistogram.Sum();

    [Fact]
    public void Shortcut_probe_separates_the_classes_well_above_chance()
    {
        var probe = _r.ShortcutProbes.Single(p => p.Name == "all_trivial");
        Assert.Equal(18, probe.Features.Count);
        Assert.NotNull(probe.ValBalancedAccuracy);
        Assert.NotNull(probe.TestBalancedAccuracy);
        Console.WriteLine($"shortcut probe balanced accuracy: train {probe.TrainBalancedAccuracy:F3}, val {probe.ValBalancedAccuracy:F3}, test {probe.TestBalancedAccuracy:F3}");
        Assert.True(probe.TestBalancedAccuracy > 0.5, $"test BA {probe.TestBalancedAccuracy}");
        Assert.True(probe.ValBalancedAccuracy > 0.5, $"val BA {probe.ValBalancedAccuracy}");
        Assert.True(probe.TestRecall![0] > 0.9, "normals are recognised by their source");
        Assert.Equal(1.0 / 3, probe.Chance, 12);
    }

    [Fact]
    public void Probes_before_and_after_source_harmonisation_are_reported()
    {
        string[] names = ["all_trivial", "file_size", "intensity", "block_energy"];
        Assert.Equal(names.Concat(names.Select(n => ShortcutProbe.HarmonizedPrefix + n)), _r.ShortcutProbes.Select(p => p.Name));
        Assert.Equal(["block_energy"], _r.ShortcutProbes.Single(p => p.Name == "block_energy").Features);
        foreach (var p in _r.ShortcutProbes)
        {
            Console.WriteLine($"{p.Name,-26} train {p.TrainBalancedAccuracy:F3}  val {p.ValBalancedAccuracy:F3}  test {p.TestBalancedAccuracy:F3}");
            Assert.InRange(p.TestBalancedAccuracy!.Value, 0, 1);
        }
        // re-encoding every image at one quality changes what the file size says: the probe is refitted on new sizes
        Assert.NotEqual(_r.ShortcutProbes.Single(p => p.Name == "file_size").TrainBalancedAccuracy,
                        _r.ShortcutProbes.Single(p => p.Name == ShortcutProbe.HarmonizedPrefix + "file_size").TrainBalancedAccuracy);
    }

    [Fact]
    public void Report_round_trips_through_json_and_prints_a_table()
    {
        string dir = RepoPaths.NewTempDir("audit");
        string path = Path.Combine(dir, "audit.json");
        _r.Write(path);
        string json = File.ReadAllText(path);
        Assert.Contains("\"shortcut_probes\"", json);
        Assert.Contains("\"id_conflicts\"", json);
        var back = AuditReport.Read(path);
        Assert.Equal(_r.Images, back.Images);
        Assert.Equal(_r.ShortcutProbes[0].TestBalancedAccuracy, back.ShortcutProbes[0].TestBalancedAccuracy);
        Assert.Equal("P_00160", back.IdConflicts[0].Id);
        string table = AuditTable.Format(_r);
        Assert.Contains("P_00160: val/cancer, test/benign", table);
        Assert.Contains("2145", table);
        Assert.Contains("all_trivial", table);
        Assert.DoesNotContain("NaN", ReproJson.Serialize(_r.ShortcutProbes));
    }
}
