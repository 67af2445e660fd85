using Repro.Data;
using Repro.Models;
using Repro.Training;
using Repro.Training.Presets;
using static TorchSharp.torch;

namespace Repro.Tests.Training;

public class CrossValidationTests
{
    [Fact]
    public void Every_image_is_predicted_once_out_of_fold_and_the_pool_is_evaluated()
    {
        string dir = RepoPaths.NewTempDir("cv");
        var preset = TrainerTests.Tiny with { Epochs = 1 };
        var options = TrainerTests.Options(dir) with { SyntheticScale = 0.05 };
        var cv = CrossValidation.Run(preset, options, folds: 3, repeats: 1, foldSeed: 5, bootstrapResamples: 50);

        using var pooled = DatasetLoader.Load(new DataOptions
        {
            ImageSize = preset.ImageSize, Synthetic = new SyntheticOptions { Seed = options.SyntheticSeed, Scale = 0.05 }, CacheDirectory = options.CacheDirectory,
        });
        var all = new[] { pooled.Train, pooled.Val, pooled.Test }.SelectMany(s => s.Paths).Order().ToArray();
        var repeat = Assert.Single(cv.Repeats);
        Assert.Equal(5UL, repeat.FoldSeed);
        Assert.Equal(3, repeat.Folds.Count);
        Assert.Equal(all.Length, repeat.Pooled.N);
        Assert.Equal(all.Length, repeat.Folds.Sum(f => f.Test));
        Assert.All(repeat.Folds, f => Assert.Equal(all.Length, f.Train + f.Val + f.Test));
        Assert.Equal("group", repeat.Pooled.Bootstrap!.Unit);
        Assert.NotNull(repeat.Pooled.Lesion);
        Assert.Null(cv.AcrossRepeats);
        Assert.DoesNotContain("cv fold", cv.DataSource);

        string stem = CrossValidation.FileStem(preset.Name, 3, 5, options.Seed);
        var oof = Repro.Evaluation.PredictionsCsv.Read(Path.Combine(dir, stem + "-foldseed5.oof-predictions.csv"));
        Assert.Equal(all, oof.Select(p => p.Id).Order().ToArray());
        Assert.True(File.Exists(Path.Combine(dir, stem + ".json")));
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(dir, stem)).Length);
    }

    [Fact]
    public void A_folds_frozen_features_are_rows_of_the_original_splits_features()
    {
        var preset = PresetRegistry.Get("q2-resnet-fixed-smoke") with { ImageSize = 32 };
        string cache = RepoPaths.NewTempDir("cv-features");
        var data = new DataOptions { ImageSize = 32, Synthetic = new SyntheticOptions { Seed = 416, Scale = 0.03 }, CacheDirectory = cache };
        using var original = DatasetLoader.Load(data);
        using var fold = DatasetLoader.Load(data with { Fold = new FoldSpec(3, 1, 11) });
        TorchRuntimeForTests();
        using var model = ModelFactory.Create(preset.Model, CPU);
        var input = new InputPipeline(preset, model.Normalization);
        var net = Repro.Training.Speed.SpeedSetup.Apply(model, preset.Speed);
        using var direct = FeatureCache.Compute(net, input, original.Train, original.Val, original.Test, preset.EvalBatchSize, null, original.Fingerprint);
        using var viaOrigin = FeatureCache.ComputeFromOrigin(net, input, fold.Train, fold.Val, fold.Test, preset.EvalBatchSize, cache, fold.Origin!);
        // the original splits' features were cached under the original key: one file, which a plain run then reads
        Assert.Single(Directory.GetFiles(Path.Combine(cache, "features")));
        using var all = cat(new[] { direct.Train, direct.Val, direct.Test }, 0);
        var originalPaths = new[] { original.Train, original.Val, original.Test }.SelectMany(s => s.Paths).ToList();
        var sets = new[] { fold.Train, fold.Val, fold.Test };
        var features = new[] { viaOrigin.Train, viaOrigin.Val, viaOrigin.Test };
        for (int s = 0; s < 3; s++)
            for (int r = 0; r < sets[s].Count; r += 7)
            {
                int pooledRow = originalPaths.IndexOf(sets[s].Paths[r]);
                Assert.Equal(all[pooledRow].data<float>().ToArray(), features[s][r].data<float>().ToArray());
            }
    }

    private static void TorchRuntimeForTests() => Repro.Runtime.TorchRuntime.EnsureInitialized(TestRuntime.Options);
}
