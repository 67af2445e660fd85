using Repro.Data;
using Repro.Data.Synthetic;

namespace Repro.Tests.Data;

public class SyntheticMammogramsTests
{
    private static DataOptions Small(int seed = 416, int size = 64) => new()
    {
        ImageSize = size,
        Synthetic = new SyntheticOptions { Seed = seed, Scale = 0.05 },
        CacheDirectory = RepoPaths.NewTempDir("synth-cache"),
    };

    private static byte[] AllPixels(DatasetSplits s) =>
        [.. s.Train.Images.data<byte>().ToArray(), .. s.Val.Images.data<byte>().ToArray(), .. s.Test.Images.data<byte>().ToArray()];

    [Fact]
    public void Scale_005_gives_five_percent_of_each_count_and_at_least_one()
    {
        TestRuntime.Init();
        using var s = DatasetLoader.Load(Small());
        Assert.Equal(new[] { 107, 9, 7 }, s.Train.ClassCounts());
        Assert.Equal(new[] { 13, 1, 1 }, s.Val.ClassCounts());
        Assert.Equal(new[] { 13, 1, 1 }, s.Test.ClassCounts());
        Assert.Equal("synthetic(seed=416,scale=0.05)", s.Source);
        Assert.Equal(new long[] { 123, 1, 64, 64 }, s.Train.Images.shape);
        Assert.Equal(1, SyntheticMammograms.Count("val", ClassLabels.Cancer, 0.001));
    }

    [Fact]
    public void Default_counts_are_mth416s()
    {
        int[][] expected = [[2145, 186, 132], [267, 20, 16], [267, 20, 18]];
        for (int s = 0; s < 3; s++)
            for (int c = 0; c < 3; c++)
                Assert.Equal(expected[s][c], SyntheticMammograms.Count(SyntheticMammograms.Splits[s], c, 1.0));
    }

    [Fact]
    public void Same_seed_gives_byte_identical_images_and_another_seed_does_not()
    {
        TestRuntime.Init();
        using var a = DatasetLoader.Load(Small() with { UseCache = false });
        using var b = DatasetLoader.Load(Small() with { UseCache = false });
        using var c = DatasetLoader.Load(Small(seed: 417) with { UseCache = false });
        Assert.Equal(AllPixels(a), AllPixels(b));
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
        byte[] pa = AllPixels(a), pc = AllPixels(c);
        int differing = pa.Zip(pc).Count(p => p.First != p.Second);
        Assert.True(differing > pa.Length / 2, $"only {differing} of {pa.Length} pixels differ");
    }

    [Fact]
    public void Images_have_a_dark_background_and_brighter_tissue()
    {
        TestRuntime.Init();
        using var s = DatasetLoader.Load(Small(size: 96) with { UseCache = false });
        var train = s.Train;
        for (int i = 0; i < train.Count; i++)
        {
            byte[] px = train.Images[i].contiguous().data<byte>().ToArray();
            double mean = px.Average(v => (double)v);
            Assert.InRange(mean, 15, 170);
            Assert.True(px.Count(v => v < 40) > px.Length / 10, $"{train.Paths[i]}: no dark background");
            Assert.True(px.Count(v => v > 60) > px.Length / 8, $"{train.Paths[i]}: no tissue");
        }
        // Not all images are alike: distinct ids, two views per patient at most.
        Assert.All(train.Ids.GroupBy(id => id), g => Assert.InRange(g.Count(), 1, 2));
        Assert.All(train.Ids, id => Assert.Matches("^S_[0-9]{5}$", id));
    }

    [Fact]
    public void In_memory_set_is_cached_like_real_data()
    {
        TestRuntime.Init();
        var options = Small();
        using var first = DatasetLoader.Load(options);
        using var second = DatasetLoader.Load(options);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(AllPixels(first), AllPixels(second));
    }

    [Fact]
    public void Folder_written_by_WriteTo_loads_back_identically()
    {
        TestRuntime.Init();
        var options = Small();
        string dir = RepoPaths.NewTempDir("synth-out");
        int written = SyntheticMammograms.WriteTo(dir, options.Synthetic, options.ImageSize);
        Assert.Equal(153, written);
        Assert.Equal(new[] { "benign", "malignant", "normal" },
            Directory.GetDirectories(Path.Combine(dir, "test")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.True(Directory.Exists(Path.Combine(dir, "train", "cancer")));

        using var memory = DatasetLoader.Load(options);
        using var folder = DatasetLoader.Load(options with { Directory = dir });
        Assert.False(folder.FromCache);
        Assert.Equal(memory.Fingerprint, folder.Fingerprint);
        foreach (string name in new[] { "train", "val", "test" })
        {
            Assert.Equal(memory[name].Images.shape, folder[name].Images.shape);
            Assert.Equal(memory[name].Images.data<byte>().ToArray(), folder[name].Images.data<byte>().ToArray());
            Assert.Equal(memory[name].LabelArray, folder[name].LabelArray);
            Assert.Equal(memory[name].Paths, folder[name].Paths);
            Assert.Equal(memory[name].Ids, folder[name].Ids);
        }
    }
}
