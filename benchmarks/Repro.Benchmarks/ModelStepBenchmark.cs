using BenchmarkDotNet.Attributes;
using Repro.Models;
using Repro.Runtime;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>A benchmark of one model's training step and inference on a resident batch (<see cref="ModelStep"/>).</summary>
public abstract class ModelStepBenchmark : DeviceBatchBenchmark
{
    /// <summary>The step under test (built in <see cref="Setup"/>).</summary>
    protected ModelStep Step { get; private set; } = null!;

    /// <summary>The seeded model and its step on <paramref name="device"/>.</summary>
    protected abstract ModelStep CreateStep(torch.Device device);

    /// <summary>Builds the model (seeded) and its batch on the device.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var device = StartRuntime();
        TorchRuntime.Seed(42);
        Step = CreateStep(device);
    }

    /// <summary>Frees the model and the batch.</summary>
    [GlobalCleanup]
    public void Cleanup() => Step?.Dispose();

    /// <summary>The registry's ResNet18 (random init: weights do not change the time) on <paramref name="device"/>.</summary>
    protected static ReproModel ResNet18(torch.Device device) => ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet18"), device);
}
