using Repro.Data;

namespace Repro.Tests.Data;

public class DatasetCacheTests
{
    private static string CacheFile(string cacheDir) =>
        Assert.Single(Directory.GetFiles(Path.Combine(cacheDir, "datasets"), "*.rds"));

    private static void AssertSameContent(DatasetSplits a, DatasetSplits b)
    {
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        foreach (string name in new[] { "train", "val", "test" })
        {
            Assert.Equal(a[name].Images.shape, b[name].Images.shape);
            Assert.Equal(a[name].Images.data<byte>().ToArray(), b[name].Images.data<byte>().ToArray());
            Assert.Equal(a[name].LabelArray, b[name].LabelArray);
            Assert.Equal(a[name].Paths, b[name].Paths);
            Assert.Equal(a[name].Ids, b[name].Ids);
        }
    }

    [Fact]
    public void Second_load_reads_the_cache_instead_of_decoding()
    {
        TestRuntime.Init();
        var options = TestImages.Options(TestImages.WriteValidDataset(RepoPaths.NewTempDir("cache")));
        using var first = DatasetLoader.Load(options);
        using var second = DatasetLoader.Load(options);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        AssertSameContent(first, second);
        Assert.Single(Directory.GetFiles(Path.Combine(options.CacheDirectory!, "datasets")));
    }

    [Fact]
    public void Changed_file_content_misses_the_cache()
    {
        TestRuntime.Init();
        string root = TestImages.WriteValidDataset(RepoPaths.NewTempDir("cache"));
        var options = TestImages.Options(root);
        using var first = DatasetLoader.Load(options);
        string file = Path.Combine(root, "val", "normal", first.Val.Paths[0].Split('/')[^1]);
        File.WriteAllBytes(file, TestImages.GreyPng(TestImages.Pattern(16, 16, 999), 16, 16));
        using var second = DatasetLoader.Load(options);
        Assert.False(second.FromCache);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void Other_decode_settings_miss_the_cache()
    {
        TestRuntime.Init();
        var options = TestImages.Options(TestImages.WriteValidDataset(RepoPaths.NewTempDir("cache")));
        using var first = DatasetLoader.Load(options);
        using var other = DatasetLoader.Load(options with { ImageSize = 8 });
        Assert.False(other.FromCache);
        Assert.Equal(8, other.Train.ImageSize);
        Assert.NotEqual(first.Fingerprint, other.Fingerprint);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void Damaged_cache_file_is_detected_and_rebuilt(string damage)
    {
        TestRuntime.Init();
        var options = TestImages.Options(TestImages.WriteValidDataset(RepoPaths.NewTempDir("cache")));
        using var first = DatasetLoader.Load(options);
        string path = CacheFile(options.CacheDirectory!);
        byte[] bytes = File.ReadAllBytes(path);
        byte[] damaged = damage switch
        {
            "flip" => Flip(bytes, bytes.Length - 100),  // one pixel bit: only the checksum sees it
            "truncate" => bytes[..(bytes.Length / 2)],
            "empty" => [],
            _ => "not a cache file at all, but long enough to have a header"u8.ToArray(),
        };
        File.WriteAllBytes(path, damaged);

        var messages = new List<string>();
        using var rebuilt = DatasetLoader.Load(options, new SyncProgress(messages));
        Assert.False(rebuilt.FromCache);
        Assert.Contains(messages, m => m.Contains("is invalid") && m.Contains("rebuilding"));
        AssertSameContent(first, rebuilt);
        Assert.Equal(bytes, File.ReadAllBytes(path));

        using var again = DatasetLoader.Load(options);
        Assert.True(again.FromCache);
    }

    [Fact]
    public void Cache_can_be_turned_off()
    {
        TestRuntime.Init();
        var options = TestImages.Options(TestImages.WriteValidDataset(RepoPaths.NewTempDir("cache"))) with { UseCache = false };
        using var first = DatasetLoader.Load(options);
        using var second = DatasetLoader.Load(options);
        Assert.False(second.FromCache);
        Assert.False(Directory.Exists(Path.Combine(options.CacheDirectory!, "datasets")));
    }

    [Fact]
    public void Cache_folder_defaults_to_REPRO_CACHE()
    {
        string dir = RepoPaths.NewTempDir("env-cache");
        string? before = Environment.GetEnvironmentVariable("REPRO_CACHE");
        try
        {
            Environment.SetEnvironmentVariable("REPRO_CACHE", dir);
            Assert.Equal(dir, new DataOptions().ResolveCacheDirectory());
            Assert.Equal(Path.GetFullPath("/tmp/x"), new DataOptions { CacheDirectory = "/tmp/x" }.ResolveCacheDirectory());
            Environment.SetEnvironmentVariable("REPRO_CACHE", null);
            Assert.EndsWith(Path.Combine(".cache", "repro"), new DataOptions().ResolveCacheDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable("REPRO_CACHE", before);
        }
    }

    [Fact]
    public void Skipped_files_are_remembered_by_the_cache()
    {
        TestRuntime.Init();
        string root = TestImages.WriteValidDataset(RepoPaths.NewTempDir("cache"));
        File.WriteAllBytes(Path.Combine(root, "train", "cancer", "P_09999_LEFT_CC.jpg"), []);
        var options = TestImages.Options(root) with { SkipBadFiles = true };
        using var first = DatasetLoader.Load(options);
        using var second = DatasetLoader.Load(options);
        Assert.True(second.FromCache);
        Assert.Equal(first.Skipped, second.Skipped);
        Assert.Equal("train/cancer/P_09999_LEFT_CC.jpg", Assert.Single(second.Skipped).Path);
        // Without the skip option the same folder still fails: the cache never hides a bad file.
        Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(options with { SkipBadFiles = false }));
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x01;
        return copy;
    }

    /// <summary>Progress that records synchronously (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SyncProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Add(value);
    }
}
