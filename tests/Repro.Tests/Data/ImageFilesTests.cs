using Repro.Data;

namespace Repro.Tests.Data;

/// <summary>Walking and reading image files without being fooled by symbolic links.</summary>
public class ImageFilesTests
{
    [Fact]
    public void Walk_counts_each_file_once_under_link_loops_and_second_ways_in()
    {
        string root = RepoPaths.NewTempDir("walk");
        Directory.CreateDirectory(Path.Combine(root, "a", "normal"));
        File.WriteAllBytes(Path.Combine(root, "a", "normal", "x.png"), [1]);
        File.WriteAllBytes(Path.Combine(root, "a", "y.jpg"), [1]);
        File.WriteAllBytes(Path.Combine(root, "z.txt"), [1]);
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "up"), "..");            // a loop
        Directory.CreateSymbolicLink(Path.Combine(root, "same"), "a");                // a second way into a/
        File.CreateSymbolicLink(Path.Combine(root, "alias.png"), "a/normal/x.png");   // a second name of a file
        File.CreateSymbolicLink(Path.Combine(root, "gone.png"), "missing.png");       // dangling

        var skipped = new List<SkippedFile>();
        var files = ImageFiles.Enumerate(root, skipped).Select(f => Path.GetRelativePath(root, f)).ToList();

        Assert.Equal(new[] { "a/normal/x.png", "a/y.jpg" }, files);
        Assert.Equal(new[] { "a/up/", "alias.png", "gone.png", "same/" }, skipped.Select(s => s.Path));
        Assert.Contains("already visited", skipped[0].Reason);
        Assert.Contains("counted once", skipped[1].Reason);
        Assert.Contains("dangling symbolic link", skipped[2].Reason);
    }

    [Fact]
    public void Reading_a_link_loop_or_a_dangling_link_gives_the_reason()
    {
        string dir = RepoPaths.NewTempDir("links");
        File.CreateSymbolicLink(Path.Combine(dir, "a.jpg"), "b.jpg");
        File.CreateSymbolicLink(Path.Combine(dir, "b.jpg"), "a.jpg");
        File.CreateSymbolicLink(Path.Combine(dir, "c.jpg"), "nowhere.jpg");
        File.WriteAllBytes(Path.Combine(dir, "real.jpg"), [7]);
        File.CreateSymbolicLink(Path.Combine(dir, "good.jpg"), "real.jpg");

        Assert.Null(ImageFiles.TryRead(Path.Combine(dir, "a.jpg"), out string? loop));
        Assert.Contains("symbolic link loop", loop);
        Assert.Null(ImageFiles.TryRead(Path.Combine(dir, "c.jpg"), out string? dangling));
        Assert.Contains("'nowhere.jpg' does not exist", dangling);
        Assert.Equal(new byte[] { 7 }, ImageFiles.TryRead(Path.Combine(dir, "good.jpg"), out string? none));
        Assert.Null(none);
    }
}
