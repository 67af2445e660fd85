using BenchmarkDotNet.Attributes;
using Repro.Models;
using Repro.Training.Speed;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>
/// The CustomCnn training step (batch 32, the protocol's, and 64) with the speed switches of
/// <see cref="SpeedOptions"/> added one at a time: the reference path, the flat optimizer, channels-last
/// on top, bf16 on top (TF32 is on wherever a switch is, and only matters on CUDA). bf16 cases are offered
/// only where they make sense: on CUDA, or on a CPU run with <c>--isa native</c>/<c>avx512</c> (pinned
/// to AVX2, oneDNN has no bf16 kernels and falls back to reference code ~25× slower).
/// </summary>
public class FastPathBenchmarks : ModelStepBenchmark
{
    /// <summary>Side of the square input: the protocol's 224 and the CPU smoke size 64.</summary>
    [Params(224, 64)]
    public int Size { get; set; }

    /// <summary>Which switches are on.</summary>
    [ParamsSource(nameof(Configs))]
    public string Config { get; set; } = "reference";

    /// <summary>The configurations offered on this machine.</summary>
    public static IEnumerable<string> Configs
    {
        get
        {
            yield return "reference";
            yield return "flat";
            yield return "flat+channels-last";
            if (BenchSettings.Isa != "avx2" || BenchDevices.Available().Contains("cuda")) yield return "flat+channels-last+bf16";
        }
    }

    /// <summary>The switches of <paramref name="config"/> (null for the reference path).</summary>
    public static SpeedOptions? Speed(string config) => config switch
    {
        "reference" => null,
        "flat" => new SpeedOptions { FlatOptimizer = true, Tf32 = true },
        "flat+channels-last" => new SpeedOptions { FlatOptimizer = true, ChannelsLast = true, Tf32 = true },
        "flat+channels-last+bf16" => new SpeedOptions { FlatOptimizer = true, ChannelsLast = true, Precision = Precision.Bf16, Tf32 = true },
        _ => throw new ArgumentException($"configuration '{config}' is not known"),
    };

    /// <summary>The CustomCnn step with the configuration's switches (the step holds TF32 for its lifetime).</summary>
    public static ModelStep CreateStep(torch.Device device, int batch, int size, string config) =>
        new(ModelFactory.Create(new ModelSpec(ModelSpec.CustomCnn), device), device, batch, size, headOnly: false, speed: Speed(config));

    /// <inheritdoc />
    protected override ModelStep CreateStep(torch.Device device) => CreateStep(device, Batch, Size, Config);

    /// <summary>Forward + backward + clip + AdamW with the configuration's switches.</summary>
    [Benchmark]
    public float TrainingStep() => Step.TrainStep();
}
