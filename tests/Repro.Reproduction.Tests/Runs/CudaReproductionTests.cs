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

    private void VerifyTwice(string preset, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        TestRuntime.Init();
        string first = RunSnapshot.Text(RunCuda(preset)), second = RunSnapshot.Text(RunCuda(preset));
        Assert.Equal(first, second);
        Snapshot.Verify(first, GetType(), null, Devices.DeviceClass(Devices.Resolve("cuda")), method);
    }
}
