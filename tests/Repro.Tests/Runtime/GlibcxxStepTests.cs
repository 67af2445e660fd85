using Repro.Build;
using Repro.Runtime;

namespace Repro.Tests.Runtime;

public class GlibcxxStepTests
{
    private static string PristineLibrary()
    {
        string nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(nuget, "torchsharp", TorchRuntime.TorchSharpVersion, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    [Fact]
    public void Pristine_library_requires_glibcxx_3_4_32_strongly()
    {
        string path = PristineLibrary();
        Assert.True(File.Exists(path), $"missing {path}");
        var need = ElfVersionNeeds.ReadNeeds(File.ReadAllBytes(path), path).Single(n => n.Version == GlibcxxStatus.Version);
        Assert.Equal("libstdc++.so.6", need.File);
        Assert.False(need.IsWeak);
    }

    [Fact]
    public void Marking_weak_changes_only_that_flag_is_idempotent_and_leaves_links_alone()
    {
        string pristine = PristineLibrary();
        string dir = RepoPaths.NewTempDir("elf");
        string copy = Path.Combine(dir, "libLibTorchSharp.so");
        File.Copy(pristine, copy);
        string link = Path.Combine(dir, "linked.so");
        File.CreateSymbolicLink(link, copy); // a second name for the same bytes must keep the old bytes after the edit
        byte[] before = File.ReadAllBytes(copy);

        Assert.Equal(WeakenOutcome.Weakened, ElfVersionNeeds.MarkWeak(copy, GlibcxxStatus.Version));
        byte[] after = File.ReadAllBytes(copy);
        var needs = ElfVersionNeeds.ReadNeeds(after, copy);
        Assert.True(needs.Single(n => n.Version == GlibcxxStatus.Version).IsWeak);
        Assert.All(needs.Where(n => n.Version != GlibcxxStatus.Version), n => Assert.False(n.IsWeak));
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(1, before.Zip(after).Count(p => p.First != p.Second)); // exactly one byte differs

        Assert.Equal(WeakenOutcome.AlreadyWeak, ElfVersionNeeds.MarkWeak(copy, GlibcxxStatus.Version));
        Assert.Equal(after, File.ReadAllBytes(copy));
        Assert.Equal(WeakenOutcome.NotRequired, ElfVersionNeeds.MarkWeak(copy, "GLIBCXX_9.9.99"));
        Assert.Equal(before, File.ReadAllBytes(pristine));
    }

    [Fact]
    public void The_loaded_library_is_usable_on_this_host()
    {
        TestRuntime.Init();
        string status = GlibcxxStatus.Describe();
        // Either the host has GLIBCXX_3.4.32 or the step weakened the requirement in the loaded copy.
        Assert.True(status.StartsWith("applied", StringComparison.Ordinal) || status.Contains("defines GLIBCXX_3.4.32"), status);
    }

    [Fact]
    public void Non_elf_input_is_refused_by_name()
    {
        string dir = RepoPaths.NewTempDir("elf");
        string bogus = Path.Combine(dir, "not-a-library.so");
        File.WriteAllText(bogus, "hello");
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.MarkWeak(bogus, GlibcxxStatus.Version));
        Assert.Contains("not-a-library.so", e.Message);
    }
}
