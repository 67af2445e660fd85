using BenchmarkDotNet.Attributes;
using Repro.Models;
using Repro.Runtime;

namespace Repro.Benchmarks;

/// <summary>
/// The study's Q1 network (<see cref="CustomCnn"/>, 5 blocks) at 224 and at the CPU-smoke size 64:
/// one training step (forward, focal loss, backward, clip 1.0, AdamW) and one inference pass, on a
/// resident synthetic batch. Images/s = Batch / mean.
/// </summary>
public class CustomCnnBenchmarks
{
    private ModelStep? _step;

    /// <summary>Side of the square input: the study's 224 and q1-cnn-smoke's 64.</summary>
    [Params(224, 64)]
    public int Size { get; set; }

    /// <summary>Images per step.</summary>
    [Params(32, 64)]
    public int Batch { get; set; }

    /// <summary>cpu, and cuda only where present.</summary>
    [ParamsSource(nameof(DeviceNames))]
    public string Device { get; set; } = "cpu";

    /// <summary>The devices present.</summary>
    public static IEnumerable<string> DeviceNames => BenchDevices.Available();

    /// <summary>Builds the model (seeded) and its batch on the device.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchSettings.EnsureRuntime();
        var device = Devices.Resolve(Device);
        TorchRuntime.Seed(42);
        _step = new ModelStep(ModelFactory.Create(new ModelSpec(ModelSpec.CustomCnn), device), device, Batch, Size, headOnly: false);
    }

    /// <summary>Forward + backward + clip + AdamW.</summary>
    [Benchmark]
    public float TrainingStep() => _step!.TrainStep();

    /// <summary>Eval-mode forward under no_grad.</summary>
    [Benchmark]
    public float Inference() => _step!.Infer();

    /// <summary>Frees the model and the batch.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _step?.Dispose();
        _step = null;
    }
}
