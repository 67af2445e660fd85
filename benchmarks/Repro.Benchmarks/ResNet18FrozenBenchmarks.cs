using BenchmarkDotNet.Attributes;
using Repro.Models;
using Repro.Runtime;

namespace Repro.Benchmarks;

/// <summary>
/// ResNet18 + the study's head at 224, backbone frozen (Q2): a training step that runs the backbone under
/// no_grad and trains only the head, and an inference pass. The backbone is the <c>resnet18</c> registry
/// entry at random init — the same architecture and cost as <c>resnet18-imagenet</c>, without loading the
/// ONNX weights (weights do not change the time).
/// </summary>
public class ResNet18FrozenBenchmarks
{
    private ModelStep? _step;

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
        var model = ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet18"), device);
        _step = new ModelStep(model, device, Batch, 224, headOnly: true);
    }

    /// <summary>Backbone under no_grad, head forward + backward + clip + AdamW.</summary>
    [Benchmark]
    public float FrozenTrainingStep() => _step!.TrainStep();

    /// <summary>Eval-mode forward of backbone and head under no_grad.</summary>
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
