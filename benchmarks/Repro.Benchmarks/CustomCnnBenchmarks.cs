using BenchmarkDotNet.Attributes;
using Repro.Models;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>
/// The study's CustomCnn (5 blocks, 1,636,611 parameters): training step (forward, focal loss, backward,
/// clip, AdamW) and inference, at the protocol's 224 px and the CPU smoke size 64 px.
/// </summary>
public class CustomCnnBenchmarks : ModelStepBenchmark
{
    /// <summary>Side of the square input.</summary>
    [Params(224, 64)]
    public int Size { get; set; }

    /// <inheritdoc />
    protected override ModelStep CreateStep(torch.Device device) =>
        new(ModelFactory.Create(new ModelSpec(ModelSpec.CustomCnn), device), device, Batch, Size, headOnly: false);

    /// <summary>Forward + backward + clip + AdamW.</summary>
    [Benchmark]
    public float TrainingStep() => Step.TrainStep();

    /// <summary>Eval-mode forward under no_grad.</summary>
    [Benchmark]
    public float Inference() => Step.Infer();
}
