using BenchmarkDotNet.Attributes;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>ResNet18 + head at 224 with every parameter trainable (full fine-tuning): a training step.</summary>
public class ResNet18TrainableBenchmarks : ModelStepBenchmark
{
    /// <inheritdoc />
    protected override ModelStep CreateStep(torch.Device device)
    {
        var model = ResNet18(device);
        foreach (var stage in new[] { "layer1", "layer2", "layer3", "layer4" }) model.Unfreeze(stage);
        foreach (var p in model.parameters()) p.requires_grad = true;
        return new ModelStep(model, device, Batch, 224, headOnly: false, trainAll: true);
    }

    /// <summary>Forward + backward through the whole network + clip + AdamW.</summary>
    [Benchmark]
    public float TrainingStep() => Step.TrainStep();
}
