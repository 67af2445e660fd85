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
        if (Snapshot.Accepting) return;
        string dir = RepoPaths.NewTempDir("snap");
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyNamed("a: 1\n", "T.M", dir));
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
}
