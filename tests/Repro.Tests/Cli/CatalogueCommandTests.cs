using Repro.Experiments;

namespace Repro.Tests.Cli;

/// <summary><c>repro catalogue</c>: the catalogue from the command line (a GPU host has no SDK).</summary>
public class CatalogueCommandTests
{
    [Fact]
    public void List_shows_every_entry_with_its_tier_and_filters_by_tier()
    {
        var (code, stdout, stderr) = CliRunner.Run(["catalogue", "list"]);
        Assert.True(code == 0, stderr);
        foreach (var e in ExperimentCatalogue.All) Assert.Contains(e.Name, stdout);
        (code, stdout, _) = CliRunner.Run(["catalogue", "list", "--tier", "gpu"]);
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExperimentCatalogue.OfTier(ExperimentTier.Gpu).Count(), lines.Length);
        Assert.All(lines, l => Assert.Contains(" gpu ", l));
    }

    [Fact]
    public void Run_names_an_unknown_entry_and_needs_a_name()
    {
        var (code, _, stderr) = CliRunner.Run(["catalogue", "run", "no-such-entry"]);
        Assert.Equal(2, code);
        Assert.Contains("no-such-entry", stderr);
        Assert.Contains("study-q1-smoke", stderr);
        (code, _, stderr) = CliRunner.Run(["catalogue", "run"]);
        Assert.Equal(2, code);
        Assert.Contains("needs an entry name", stderr);
    }

    [Fact]
    public void Run_writes_the_entrys_snapshots_and_verifies_them()
    {
        TestRuntime.Init();
        string outDir = RepoPaths.NewTempDir("catalogue"), verified = RepoPaths.NewTempDir("catalogue-verified");
        var (code, stdout, stderr) = CliRunner.Run(["catalogue", "run", "audit-mth416", "--data", RepoPaths.Mth416, "--out", outDir]);
        Assert.True(code == 0, stderr);
        string received = Path.Combine(outDir, "audit-mth416.received.json");
        Assert.Contains(received, stdout);
        File.Copy(received, Path.Combine(verified, "audit-mth416.verified.json"));
        (code, stdout, _) = CliRunner.Run(["catalogue", "run", "audit-mth416", "--data", RepoPaths.Mth416, "--out", outDir, "--verify", verified]);
        Assert.Equal(0, code);
        Assert.Contains("matches", stdout);
        File.WriteAllText(Path.Combine(verified, "audit-mth416.verified.json"), "{}\n");
        (code, stdout, _) = CliRunner.Run(["catalogue", "run", "audit-mth416", "--data", RepoPaths.Mth416, "--out", outDir, "--verify", verified]);
        Assert.Equal(1, code);
        Assert.Contains("DIFFERS", stdout);
    }
}
