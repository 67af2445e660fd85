using Repro.Reproduction.Tests.Snapshots;

namespace Repro.Reproduction.Tests;

public class SnapshotHelperTests
{
    [Fact]
    public void Names_follow_verify_conventions()
    {
        Assert.Equal("Runs.Study_q1", Snapshot.Name("Runs", "Study", "q1"));
        Assert.Equal("Runs.Study_q1.cuda-sm90", Snapshot.Name("Runs", "Study", "q1", "cuda-sm90"));
        Assert.Equal("Runs.Study", Snapshot.Name("Runs", "Study"));
    }

    [Fact]
    public void Missing_verified_file_fails_and_writes_received()
    {
        if (Snapshot.AcceptRequested) return;
        string dir = RepoPaths.NewTempDir("snap");
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyNamed("a: 1\n", "T.M", dir, openDiffTool: false));
        Assert.Contains("No verified snapshot", e.Message);
        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(dir, "T.M.received.txt")));
    }

    [Fact]
    public void Matching_text_passes_and_removes_a_stale_received_file()
    {
        string dir = RepoPaths.NewTempDir("snap");
        File.WriteAllText(Path.Combine(dir, "T.M.verified.txt"), "a: 1\r\nb: 2\n\n");
        File.WriteAllText(Path.Combine(dir, "T.M.received.txt"), "old");
        Snapshot.VerifyNamed("a: 1\nb: 2", "T.M", dir);
        Assert.False(File.Exists(Path.Combine(dir, "T.M.received.txt")));
    }

    [Fact]
    public void Unified_diff_shows_changed_lines_with_context()
    {
        string diff = UnifiedDiff.Compute("a\nb\nc\nd\ne\nf\n", "a\nb\nC\nd\ne\nf\n");
        Assert.Equal("--- verified\n+++ received\n@@ -1,5 +1,5 @@\n a\n b\n-c\n+C\n d\n e\n", diff);
        Assert.Equal("", UnifiedDiff.Compute("same\n", "same\n"));
    }
    [Theory]
    [InlineData("CI", "true", true)]
    [InlineData("CI", "1", true)]
    [InlineData("CI", "false", false)]
    [InlineData("CI", "0", false)]
    [InlineData("GITHUB_ACTIONS", "true", true)]
    [InlineData("TF_BUILD", "True", true)]
    [InlineData("JENKINS_URL", "http://ci.example/", true)]
    [InlineData("HOME", "/home/dev", false)]
    public void Build_servers_are_recognised_by_their_variables(string variable, string value, bool expected)
    {
        Assert.Equal(expected, BuildServer.DetectedIn(v => v == variable ? value : null));
        Assert.False(BuildServer.DetectedIn(_ => null));
    }

    [Fact]
    public void On_a_build_server_accepting_is_refused_and_nothing_is_written()
    {
        string dir = RepoPaths.NewTempDir("snap-ci");
        string? ci = Environment.GetEnvironmentVariable("CI"), accept = Environment.GetEnvironmentVariable("REPRO_ACCEPT");
        try
        {
            Environment.SetEnvironmentVariable("CI", "true");
            Environment.SetEnvironmentVariable("REPRO_ACCEPT", "1");
            Assert.False(Snapshot.Accepting);
            // A missing verified file is not created, a differing one not overwritten, a matching one fails too.
            var missing = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyNamed("a: 1\n", "T.Missing", dir, openDiffTool: false));
            Assert.Contains("REPRO_ACCEPT is refused on a build server", missing.Message);
            Assert.Empty(Directory.GetFiles(dir));
            File.WriteAllText(Path.Combine(dir, "T.M.verified.txt"), "a: 1\n");
            Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyNamed("a: 2\n", "T.M", dir, openDiffTool: false));
            Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyNamed("a: 1\n", "T.M", dir, openDiffTool: false));
            Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(dir, "T.M.verified.txt")));

            // Without REPRO_ACCEPT a build server still checks, and a missing verified file fails.
            Environment.SetEnvironmentVariable("REPRO_ACCEPT", null);
            Snapshot.VerifyNamed("a: 1\n", "T.M", dir, openDiffTool: false);
            var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyNamed("b: 1\n", "T.New", dir, openDiffTool: false));
            Assert.Contains("No verified snapshot", e.Message);
            Assert.Contains("On a build server nothing is accepted", e.Message);
            Assert.False(File.Exists(Path.Combine(dir, "T.New.verified.txt")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", ci);
            Environment.SetEnvironmentVariable("REPRO_ACCEPT", accept);
        }
    }

    [Fact]
    public void Accepting_on_a_developer_machine_writes_the_verified_file_and_removes_the_received_one()
    {
        if (BuildServer.Detected) return; // this case is about a developer's machine
        string dir = RepoPaths.NewTempDir("snap-accept");
        File.WriteAllText(Path.Combine(dir, "T.M.received.txt"), "stale");
        string? accept = Environment.GetEnvironmentVariable("REPRO_ACCEPT");
        try
        {
            Environment.SetEnvironmentVariable("REPRO_ACCEPT", "1");
            Snapshot.VerifyNamed("a: 3\n", "T.M", dir, openDiffTool: false);
        }
        finally { Environment.SetEnvironmentVariable("REPRO_ACCEPT", accept); }
        Assert.Equal("a: 3\n", File.ReadAllText(Path.Combine(dir, "T.M.verified.txt")));
        Assert.False(File.Exists(Path.Combine(dir, "T.M.received.txt")));
    }
}
