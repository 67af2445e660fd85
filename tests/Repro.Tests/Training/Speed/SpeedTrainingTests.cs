using Repro.IO;
using Repro.Models;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;
using Repro.Training.Speed;

namespace Repro.Tests.Training.Speed;

public class SpeedTrainingTests
{
    private static readonly Preset Tiny = TrainerTests.Tiny;

    /// <summary>A resnet18 transfer run at 32 px on the tiny synthetic set (no weights to load).</summary>
    private static readonly Preset TinyTransfer = PresetRegistry.Get("q2-resnet-fixed-smoke") with
    {
        ImageSize = 32, BootstrapResamples = 0, Model = new ModelSpec(ModelKind.Transfer, "resnet18"),
    };

    /// <summary>Runs <paramref name="p"/> whole, then stopped after <paramref name="interruptAfter"/> epochs and resumed;
    /// asserts both give the same numbers; returns the whole run.</summary>
    private static RunResult AssertResumesExactly(Preset p, int interruptAfter, string name)
    {
        var full = Trainer.Run(p, TrainerTests.Options(RepoPaths.NewTempDir(name + "-full")));
        string dir = RepoPaths.NewTempDir(name + "-interrupted");
        var stop = Assert.Throws<RunInterruptedException>(() => Trainer.Run(p, TrainerTests.Options(dir) with { InterruptAfterEpoch = interruptAfter }));
        var resumed = Trainer.Run(p, TrainerTests.Options(dir) with { ResumeFrom = stop.Checkpoint });
        Assert.Equal(Numbers(full), Numbers(resumed));
        return full;
    }

    private static string Numbers(RunResult r) =>
        ReproJson.Serialize(r.History.Select(h => h with { Seconds = 0, TrainImagesPerSecond = 0 })) + ReproJson.Serialize(r.TestPredictions);

    [Fact]
    public void Reading_the_loss_once_per_epoch_changes_no_number()
    {
        var every = Trainer.Run(Tiny, TrainerTests.Options());
        var once = Trainer.Run(Tiny with { Speed = new SpeedOptions { LossReadInterval = 0 } }, TrainerTests.Options());
        Assert.Equal(Numbers(every), Numbers(once));
    }

    [Theory]
    [InlineData(false, "fp32")]
    [InlineData(true, "fp32")]
    [InlineData(true, "bf16")]
    public void A_run_with_speed_switches_trains_and_resumes_exactly(bool channelsLast, string precision)
    {
        var p = Tiny with { Speed = new SpeedOptions { ChannelsLast = channelsLast, Precision = Enum.Parse<Precision>(precision, ignoreCase: true), FlatOptimizer = true, LossReadInterval = 0 } };
        var full = AssertResumesExactly(p, interruptAfter: 1, "speed");
        Assert.All(full.History, h => Assert.True(double.IsFinite(h.TrainLoss)));
        Assert.True(full.History[^1].TrainLoss < full.History[0].TrainLoss * 1.5, "the loss does not run away");
    }

    [Fact]
    public void The_flat_optimizer_without_clipping_reproduces_the_reference_run_bit_for_bit()
    {
        // Same per-element arithmetic; only the clipping norm is taken differently (whole buffer vs norm of norms).
        var reference = Tiny with { GradClipNorm = 0 };
        var a = Trainer.Run(reference, TrainerTests.Options());
        var b = Trainer.Run(reference with { Speed = new SpeedOptions { FlatOptimizer = true } }, TrainerTests.Options());
        Assert.Equal(Numbers(a), Numbers(b));
    }

    [Fact]
    public void A_diverging_loss_read_once_per_epoch_names_the_batches_since_the_last_read()
    {
        var p = Tiny with
        {
            LearningRate = 1e30, GradClipNorm = 0, Defects = StudyDefects.None, Augment = Repro.Data.Augment.AugmentKind.None,
            Speed = new SpeedOptions { LossReadInterval = 0 },
        };
        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Run(p, TrainerTests.Options()));
        Assert.Matches("epoch [0-9]+, batches 1-[0-9]+ of [0-9]+", e.Message);
    }

    [Fact]
    public void The_flat_optimizer_takes_in_stages_unfrozen_mid_run_and_resumes_between_them()
    {
        var p = TinyTransfer with
        {
            Epochs = 3, UnfreezeLayer4AfterEpoch = 1, UnfreezeLayer3AfterEpoch = 2,
            Speed = new SpeedOptions { FlatOptimizer = true, ChannelsLast = true },
        };
        var full = AssertResumesExactly(p, interruptAfter: 2, "flat-unfreeze");
        Assert.Equal(new[] { 1, 2, 3 }, full.History.Select(h => h.LearningRates.Count));
    }

    [Fact]
    public void A_bf16_transfer_run_caches_bf16_features_and_trains_its_head_on_them()
    {
        var p = TinyTransfer with
        {
            Epochs = 2,
            Speed = new SpeedOptions { Precision = Precision.Bf16, FlatOptimizer = true, ChannelsLast = true },
        };
        var r = Trainer.Run(p, TrainerTests.Options());
        Assert.True(r.FeaturesCached);
        Assert.All(r.History, h => Assert.True(double.IsFinite(h.TrainLoss)));
        Assert.All(r.TestPredictions, pr => Assert.Equal(1.0, pr.Probabilities.Sum(), 6));
    }
}
