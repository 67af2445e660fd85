using Repro.IO;
using Repro.Reproduction.Tests.Snapshots;
using Repro.Results;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Reproduction.Tests.Runs;

/// <summary>
/// The full q1-cnn and q2-resnet protocols (224 px, 15 epochs) on CUDA with deterministic cuDNN, snapshots kept
/// per device class (e.g. <c>.cuda-sm90</c>); two runs must give the same snapshot. Skipped without CUDA.
/// </summary>
public class CudaReproductionTests
{
    private static RunResult RunCuda(string preset) => Trainer.Run(PresetRegistry.Get(preset), new RunOptions
    {
        DataDirectory = RepoPaths.Mth416,
        CacheDirectory = Path.Combine(Path.GetTempPath(), "repro-tests", "cache"),
        Device = "cuda",
        Seed = 42,
        Runtime = TestRuntime.Options,
    });

    [CudaFact]
    public void Full_q1_cnn_on_cuda() => VerifyTwice("q1-cnn");

    [CudaFact]
    public void Full_q2_resnet_on_cuda() => VerifyTwice("q2-resnet");

    /// <summary>Every speed switch on (channels-last, bf16, TF32, flat optimizer): a snapshot of its own.</summary>
    [CudaFact]
    public void Full_q1_cnn_fast_on_cuda() => VerifyTwice("q1-cnn-fast");

    /// <summary>The study's Q2 with every speed switch on.</summary>
    [CudaFact]
    public void Full_q2_resnet_fast_on_cuda() => VerifyTwice("q2-resnet-fast");

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

    private void VerifyTwice(string preset, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        TestRuntime.Init();
        string first = RunSnapshot.Text(RunCuda(preset)), second = RunSnapshot.Text(RunCuda(preset));
        Assert.Equal(first, second);
        Snapshot.Verify(first, GetType(), null, Devices.DeviceClass(Devices.Resolve("cuda")), method);
    }
}
