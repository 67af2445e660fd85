using Repro.IO;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Tests.Training;

public class FeatureCacheTests
{
    [Fact]
    public void Frozen_backbone_features_are_computed_once_and_reused_across_runs()
    {
        var preset = PresetRegistry.Get("q2-resnet-fixed-smoke") with
        {
            ImageSize = 32, Epochs = 2, BootstrapResamples = 0,
            Model = new Repro.Models.ModelSpec(Repro.Models.ModelKind.Transfer, "resnet18"), // random init: the weights depend on the seed
        };
        string cache = RepoPaths.NewTempDir("features");
        RunOptions Options(long seed) => new() { SyntheticScale = 0.02, CacheDirectory = cache, Runtime = TestRuntime.Options, Seed = seed };
        string FeatureFiles() => string.Join(",", Directory.GetFiles(Path.Combine(cache, "features")).Select(Path.GetFileName).Order());

        var first = Trainer.Run(preset, Options(1));
        Assert.True(first.FeaturesCached);
        string afterFirst = FeatureFiles();
        Assert.Single(afterFirst.Split(','));

        var again = Trainer.Run(preset, Options(1));
        Assert.Equal(afterFirst, FeatureFiles()); // read back, not recomputed into a new file
        Assert.Equal(ReproJson.Serialize(first.TestPredictions), ReproJson.Serialize(again.TestPredictions));

        Trainer.Run(preset, Options(2)); // another random backbone: other features
        Assert.Equal(2, FeatureFiles().Split(',').Length);

        // A damaged entry (bytes flipped inside the tensors) is computed again, with a note, to the same result.
        string file = Path.Combine(cache, "features", afterFirst);
        byte[] bytes = File.ReadAllBytes(file);
        for (int i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(file, bytes);
        var repaired = Trainer.Run(preset, Options(1));
        Assert.Contains(repaired.Warnings, w => w.Contains(file, StringComparison.Ordinal) && w.Contains("damaged", StringComparison.Ordinal));
        Assert.Equal(ReproJson.Serialize(first.TestPredictions), ReproJson.Serialize(repaired.TestPredictions));
        Assert.Equal(2, FeatureFiles().Split(',').Length);
    }
}
