using Repro.IO;
using Repro.Models;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Tests.Training;

public class TrainerTests
{
    // A tiny synthetic run: 2% of MTH416's counts at 32 px, so each run takes a second or two.
    internal static readonly Preset Tiny = PresetRegistry.Get("q1-cnn-smoke") with { ImageSize = 32, Epochs = 3, BootstrapResamples = 200 };

    internal static RunOptions Options(string? outDir = null) => new()
    {
        SyntheticScale = 0.02,
        OutputDirectory = outDir,
        CacheDirectory = RepoPaths.NewTempDir("cache"),
        Runtime = TestRuntime.Options,
        Seed = 7,
    };

    [Fact]
    public void A_run_writes_a_readable_result_file_and_predictions()
    {
        string dir = RepoPaths.NewTempDir("run");
        var result = Trainer.Run(Tiny, Options(dir));
        Assert.Empty(Directory.GetFiles(dir, "*.json")); // the run writes checkpoints only; the caller writes the result
        RunFiles.Write(dir, result);
        var read = ResultFile.Read(Path.Combine(dir, ResultFile.FileName(Tiny.Name, 7)));
        Assert.Equal(result.Test.BalancedAccuracy, read.Test.BalancedAccuracy);
        Assert.Equal(Tiny.Epochs, read.History.Count);
        Assert.Equal(1_636_611, read.Model.Parameters.Trainable);
        Assert.Equal(read.Data.Counts["test"].Sum(), read.TestPredictions.Count);
        Assert.True(File.Exists(Path.Combine(dir, $"{Tiny.Name}-seed7.test-predictions.csv")));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
        Assert.StartsWith("last (epoch 3; shallow-copy defect", read.EvaluatedWeights);
    }

    [Fact]
    public void Resuming_from_a_checkpoint_reproduces_the_uninterrupted_run_exactly()
    {
        var full = Trainer.Run(Tiny, Options(RepoPaths.NewTempDir("full")));
        string dir = RepoPaths.NewTempDir("interrupted");
        var stop = Assert.Throws<RunInterruptedException>(() => Trainer.Run(Tiny, Options(dir) with { InterruptAfterEpoch = 1 }));
        Assert.True(File.Exists(stop.Checkpoint));
        var resumed = Trainer.Run(Tiny, Options(dir) with { ResumeFrom = stop.Checkpoint });
        Assert.Equal(ReproJson.Serialize(full.History.Select(h => h with { Seconds = 0, TrainImagesPerSecond = 0 })),
                     ReproJson.Serialize(resumed.History.Select(h => h with { Seconds = 0, TrainImagesPerSecond = 0 })));
        Assert.Equal(ReproJson.Serialize(full.TestPredictions), ReproJson.Serialize(resumed.TestPredictions));
    }

    [Fact]
    public void Resume_recreates_exactly_the_stages_unfrozen_by_the_checkpoints_epoch()
    {
        // layer4 trains from epoch 2, layer3 from epoch 3: a checkpoint after epoch 2 has layer4 unfrozen only.
        var p = PresetRegistry.Get("q2-resnet-fixed-smoke") with
        {
            ImageSize = 32, Epochs = 3, BootstrapResamples = 0, Model = new ModelSpec(ModelKind.Transfer, "resnet18"),
            UnfreezeLayer4AfterEpoch = 1, UnfreezeLayer3AfterEpoch = 2,
        };
        var full = Trainer.Run(p, Options(RepoPaths.NewTempDir("unfreeze-full")));
        string dir = RepoPaths.NewTempDir("unfreeze-interrupted");
        var stop = Assert.Throws<RunInterruptedException>(() => Trainer.Run(p, Options(dir) with { InterruptAfterEpoch = 2 }));
        var resumed = Trainer.Run(p, Options(dir) with { ResumeFrom = stop.Checkpoint });
        Assert.Equal(3, resumed.History.Count);
        Assert.Equal(full.History.Select(h => h.LearningRates.Count), resumed.History.Select(h => h.LearningRates.Count));
        Assert.Equal(ReproJson.Serialize(full.TestPredictions), ReproJson.Serialize(resumed.TestPredictions));
    }

    [Fact]
    public void Fixed_preset_restores_the_best_epoch_by_value()
    {
        var p = PresetRegistry.Fixed(Tiny) with { Epochs = 3 };
        var r = Trainer.Run(p, Options());
        Assert.Equal($"best (epoch {r.BestEpoch})", r.EvaluatedWeights);
        // the validation balanced accuracy of the restored weights is the best epoch's, not the last one's
        Assert.Equal(r.History[r.BestEpoch - 1].ValBalancedAccuracy, r.Validation.BalancedAccuracy, 9);
    }

    [Fact]
    public void A_diverging_loss_stops_with_epoch_and_batch_named()
    {
        var p = Tiny with { LearningRate = 1e30, GradClipNorm = 0, Defects = StudyDefects.None, Augment = Repro.Data.Augment.AugmentKind.None };
        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Run(p, Options()));
        Assert.Matches("epoch [0-9]+, batch [0-9]+ of [0-9]+", e.Message);
    }

    [Fact]
    public void Resume_refuses_a_checkpoint_of_other_settings()
    {
        string dir = RepoPaths.NewTempDir("mismatch");
        var stop = Assert.Throws<RunInterruptedException>(() => Trainer.Run(Tiny, Options(dir) with { InterruptAfterEpoch = 1 }));
        var e = Assert.Throws<InvalidDataException>(() => Trainer.Run(Tiny with { LearningRate = 1e-3 }, Options(dir) with { ResumeFrom = stop.Checkpoint }));
        Assert.Contains("resume needs the same", e.Message);
    }

    [Fact]
    public void Defect_three_off_stops_the_loss_from_reweighting_a_second_time()
    {
        Assert.Equal(FocalLossAlpha(PresetRegistry.Get("q1-cnn")), new[] { 0.2, 3.0, 6.0 });
        Assert.Equal(FocalLossAlpha(PresetRegistry.Get("q1-cnn-fixed")), new[] { 1.0, 1.0, 1.0 });
        static double[] FocalLossAlpha(Preset p) => (RunSetup.EffectiveLoss(p).Weights ?? Repro.Training.Losses.FocalLoss.StudyAlpha).ToArray();
    }

    [Fact]
    public void Features_are_cached_only_when_the_backbone_output_cannot_change()
    {
        TestRuntime.Init();
        using var model = ModelFactory.Create(new ModelSpec(ModelKind.Transfer, "resnet18"), TorchSharp.torch.CPU, loadWeights: false);
        Assert.True(RunSetup.CanCacheFeatures(PresetRegistry.Get("q2-resnet-fixed-smoke"), model));
        Assert.False(RunSetup.CanCacheFeatures(PresetRegistry.Get("q2-resnet-smoke"), model)); // study augmentation, BN trains
        Assert.False(RunSetup.CanCacheFeatures(PresetRegistry.Get("q2-resnet-fixed-smoke") with { UnfreezeLayer4AfterEpoch = 1 }, model));
    }
}
