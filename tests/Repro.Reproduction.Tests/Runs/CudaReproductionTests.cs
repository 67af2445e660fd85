using Repro.IO;
using Repro.Reproduction.Tests.Snapshots;
using Repro.Results;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Reproduction.Tests.Runs;

/// <summary>
/// CUDA-only behaviour that is not a catalogue entry (the full protocols on CUDA are the catalogue's gpu entries,
/// verified per device class): a resumed CUDA run equals the uninterrupted one. Skipped without CUDA.
/// </summary>
public class CudaReproductionTests
{
    /// <summary>
    /// Interrupted after epoch 2 and resumed, a CUDA run ends exactly as the uninterrupted one: dropout's CUDA
    /// generator is re-derived per epoch (its state cannot be checkpointed in TorchSharp 0.107).
    /// </summary>
    [CudaFact]
    public void Resumed_cuda_run_equals_the_uninterrupted_one()
    {
        TestRuntime.Init();
        var preset = PresetRegistry.Get("q1-cnn-smoke") with { Epochs = 3, BootstrapResamples = 0 };
        RunOptions Options(string dir) => new()
        {
            DataDirectory = RepoPaths.Mth416, OutputDirectory = dir, Device = "cuda", Seed = 42, Runtime = TestRuntime.Options,
            CacheDirectory = Path.Combine(Path.GetTempPath(), "repro-tests", "cache"),
        };
        var full = Trainer.Run(preset, Options(RepoPaths.NewTempDir("cuda-full")));
        string dir = RepoPaths.NewTempDir("cuda-interrupted");
        var stop = Assert.Throws<RunInterruptedException>(() => Trainer.Run(preset, Options(dir) with { InterruptAfterEpoch = 2 }));
        var resumed = Trainer.Run(preset, Options(dir) with { ResumeFrom = stop.Checkpoint });
        Assert.Equal(ReproJson.Serialize(full.History.Select(h => h with { Seconds = 0, TrainImagesPerSecond = 0 })),
                     ReproJson.Serialize(resumed.History.Select(h => h with { Seconds = 0, TrainImagesPerSecond = 0 })));
        Assert.Equal(ReproJson.Serialize(full.TestPredictions), ReproJson.Serialize(resumed.TestPredictions));
    }
}
