using Repro.Experiments;
using Repro.Reporting;
using Repro.Reproduction.Tests.Snapshots;

namespace Repro.Reproduction.Tests.Experiments;

/// <summary>
/// The committed report (docs/REPORT.md) and README's results table say what the verified snapshots give: after a
/// snapshot changes, <c>dotnet build build/Report.proj -t:Report</c> must be run and its output committed.
/// </summary>
public class CommittedReportTests
{
    private static string Snapshots => Snapshot.Directory;
    private static string Benchmarks => Path.Combine(RepoPaths.Root, "benchmarks", "results");
    private const string Regenerate = "regenerate with `dotnet build build/Report.proj -t:Report` and commit docs/REPORT.md and README.md";

    [Fact]
    public void The_committed_report_is_what_the_snapshots_give()
    {
        string expected = ReportBuilder.SnapshotMarkdown(Snapshots, Benchmarks);
        string committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "REPORT.md")).Replace("\r\n", "\n");
        Assert.True(expected == committed, $"docs/REPORT.md differs from what snapshots/ give ({Regenerate}):\n" +
                                          UnifiedDiff.Compute(committed, expected, "docs/REPORT.md", "from snapshots/"));
        Assert.DoesNotContain(RepoPaths.Root, committed); // repository-relative paths only
    }

    [Fact]
    public void The_readme_results_table_is_what_the_snapshots_give()
    {
        var loaded = SnapshotRuns.Load(Snapshots, new List<string>());
        string expected = ReadmeTable.Markdown(loaded.Runs, loaded.Audit, loaded.Experiments, loaded.CrossValidations);
        string readme = Path.Combine(RepoPaths.Root, "README.md");
        string committed = ReadmeTable.Current(File.ReadAllText(readme), readme);
        Assert.True(expected == committed, $"README.md's results table differs from what snapshots/ give ({Regenerate}):\n" +
                                          UnifiedDiff.Compute(committed, expected, "README.md", "from snapshots/"));
    }

    [Fact]
    public void The_readme_lesion_headline_is_what_the_snapshots_give()
    {
        var loaded = SnapshotRuns.Load(Snapshots, new List<string>());
        string expected = LesionHeadline.Markdown(loaded.Runs, loaded.CrossValidations, loaded.Experiments);
        string readme = Path.Combine(RepoPaths.Root, "README.md");
        string committed = ReadmeTable.Current(File.ReadAllText(readme), readme, LesionHeadline.Begin, LesionHeadline.End);
        Assert.True(expected == committed, $"README.md's lesion headline differs from what snapshots/ give ({Regenerate}):\n" +
                                          UnifiedDiff.Compute(committed, expected, "README.md", "from snapshots/"));
    }

    [Fact]
    public void Every_cpu_entry_is_verified_and_unverified_gpu_entries_say_so()
    {
        var loaded = SnapshotRuns.Load(Snapshots, new List<string>());
        Assert.All(loaded.Experiments.Where(s => s.Experiment.Tier == ExperimentTier.Cpu), s => Assert.True(s.Verified, s.Experiment.Name));
        Assert.All(loaded.Experiments.Where(s => s.Experiment.Tier == ExperimentTier.Gpu && s.DeviceClasses.Count == 0),
            s => Assert.Equal("gpu: not yet verified on a GPU", s.VerifiedBy));
    }
}
