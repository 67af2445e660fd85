using BenchmarkDotNet.Attributes;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>
/// ResNet18 + the study's head at 224, backbone frozen (Q2): a training step that runs the backbone under
/// no_grad and trains only the head, and an inference pass. The backbone is the <c>resnet18</c> registry
/// entry at random init — the same architecture and cost as torchvision's, without loading weights.
/// </summary>
public class ResNet18FrozenBenchmarks : ModelStepBenchmark
{
    /// <inheritdoc />
    protected override ModelStep CreateStep(torch.Device device) => new(ResNet18(device), device, Batch, 224, headOnly: true);

    /// <summary>Backbone under no_grad, head forward + backward + clip + AdamW.</summary>
    [Benchmark]
    public float FrozenTrainingStep() => Step.TrainStep();

    /// <summary>Eval-mode forward of backbone and head under no_grad.</summary>
    [Benchmark]
    public float Inference() => Step.Infer();
}
