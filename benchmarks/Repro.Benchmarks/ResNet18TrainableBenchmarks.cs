using BenchmarkDotNet.Attributes;
using Repro.Models;
using Repro.Runtime;

namespace Repro.Benchmarks;

/// <summary>
/// ResNet18 + head at 224 with every parameter trainable (stem included, BatchNorm in train mode): one
/// full training step. Backbone: the <c>resnet18</c> registry entry at random init (no ONNX weights are
/// loaded; the time does not depend on them).
/// </summary>
public class ResNet18TrainableBenchmarks
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

    /// <summary>Builds the model (seeded), unfreezes everything, and makes its batch on the device.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchSettings.EnsureRuntime();
        var device = Devices.Resolve(Device);
        TorchRuntime.Seed(42);
        var model = ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet18"), device);
        foreach (var stage in new[] { "layer1", "layer2", "layer3", "layer4" }) model.Unfreeze(stage);
        foreach (var p in model.parameters()) p.requires_grad = true;
        _step = new ModelStep(model, device, Batch, 224, headOnly: false, trainAll: true);
    }

    /// <summary>Forward + backward through the whole network + clip + AdamW.</summary>
    [Benchmark]
    public float TrainingStep() => _step!.TrainStep();

    /// <summary>Frees the model and the batch.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _step?.Dispose();
        _step = null;
    }
}
