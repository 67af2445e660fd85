using Repro.Data;

namespace Repro.Tests.Data;

/// <summary>Loads the vendored MTH416 set once (into a private cache) for the tests of this class.</summary>
public sealed class Mth416Fixture : IDisposable
{
    public Mth416Fixture()
    {
        TestRuntime.Init();
        Options = new DataOptions { Directory = RepoPaths.Mth416, CacheDirectory = RepoPaths.NewTempDir("mth416-cache") };
        Splits = DatasetLoader.Load(Options);
    }

    public DataOptions Options { get; }
    public DatasetSplits Splits { get; }

    public void Dispose() => Splits.Dispose();
}

public class Mth416LoadingTests(Mth416Fixture fixture) : IClassFixture<Mth416Fixture>
{
    private DatasetSplits Splits => fixture.Splits;

    [Fact]
    public void Counts_per_split_and_class_match_the_study()
    {
        Assert.Equal(new[] { 2145, 186, 132 }, Splits.Train.ClassCounts());
        Assert.Equal(new[] { 267, 20, 16 }, Splits.Val.ClassCounts());
        Assert.Equal(new[] { 267, 20, 18 }, Splits.Test.ClassCounts());
        Assert.Empty(Splits.Skipped);
        Assert.False(Splits.FromCache);
        Assert.Equal(Path.GetFullPath(RepoPaths.Mth416), Splits.Source);
        Assert.Matches("^[0-9a-f]{16}$", Splits.Fingerprint);
    }

    [Fact]
    public void Images_are_one_channel_uint8_at_224()
    {
        foreach (var set in new[] { Splits.Train, Splits.Val, Splits.Test })
        {
            Assert.Equal(new long[] { set.Count, 1, 224, 224 }, set.Images.shape);
            Assert.Equal(TorchSharp.torch.ScalarType.Byte, set.Images.dtype);
            Assert.Equal(TorchSharp.torch.ScalarType.Int64, set.Labels.dtype);
            Assert.Equal(TorchSharp.DeviceType.CPU, set.Device.type);
        }
    }

    [Fact]
    public void Every_file_is_an_8_bit_one_channel_224_jpeg_so_none_is_resampled()
    {
        var files = Directory.GetFiles(RepoPaths.Mth416, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md")).ToArray();
        Assert.Equal(3071, files.Length);
        foreach (string f in files)
        {
            var header = ImageHeaderReader.Read(File.ReadAllBytes(f));
            Assert.Equal(new ImageHeader(ImageFileFormat.Jpeg, 224, 224, 8, 1), header);
        }
    }

    [Fact]
    public void Malignant_folder_of_test_is_cancer()
    {
        var test = Splits.Test;
        var cancerPaths = test.Paths.Where((_, i) => test.LabelArray[i] == ClassLabels.Cancer).ToArray();
        Assert.Equal(18, cancerPaths.Length);
        Assert.All(cancerPaths, p => Assert.StartsWith("test/malignant/", p));
        Assert.All(Splits.Val.Paths.Where((_, i) => Splits.Val.LabelArray[i] == ClassLabels.Cancer), p => Assert.StartsWith("val/cancer/", p));
    }

    [Fact]
    public void Samples_are_in_class_then_path_order_with_ids()
    {
        foreach (var set in new[] { Splits.Train, Splits.Val, Splits.Test })
        {
            for (int i = 1; i < set.Count; i++)
            {
                int a = set.LabelArray[i - 1], b = set.LabelArray[i];
                Assert.True(a < b || (a == b && string.CompareOrdinal(set.Paths[i - 1], set.Paths[i]) < 0), set.Paths[i]);
            }
            for (int i = 0; i < set.Count; i++) Assert.Equal(SampleIds.FromFileName(set.Paths[i]), set.Ids[i]);
        }
        // The known leak: P_00160 is cancer in val and benign in test.
        Assert.Contains(Splits.Val.Ids.Where((_, i) => Splits.Val.LabelArray[i] == ClassLabels.Cancer), id => id == "P_00160");
        Assert.Contains(Splits.Test.Ids.Where((_, i) => Splits.Test.LabelArray[i] == ClassLabels.Benign), id => id == "P_00160");
        Assert.Equal("A_0003", Splits.Train.Ids[0]);
        Assert.Equal("train/normal/A_0003_1.LEFT_CC.jpg", Splits.Train.Paths[0]);
    }

    [Fact]
    public void Second_load_comes_from_the_cache_with_the_same_content()
    {
        TestRuntime.Init();
        using var again = DatasetLoader.Load(fixture.Options);
        Assert.True(again.FromCache);
        Assert.Equal(Splits.Fingerprint, again.Fingerprint);
        Assert.Equal(Splits.Source, again.Source);
        foreach (string name in new[] { "train", "val", "test" })
        {
            Assert.Equal(again[name].Images.shape, Splits[name].Images.shape);
            Assert.Equal(again[name].Images.data<byte>().ToArray(), Splits[name].Images.data<byte>().ToArray());
            Assert.Equal(again[name].LabelArray, Splits[name].LabelArray);
            Assert.Equal(Splits[name].Paths, again[name].Paths);
            Assert.Equal(Splits[name].Ids, again[name].Ids);
        }
    }
}
