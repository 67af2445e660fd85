using BenchmarkDotNet.Attributes;
using Repro.Models;
using Repro.Training.Speed;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>
/// The CustomCnn training step at the protocol's batch 32 with the speed switches of
/// <see cref="SpeedOptions"/> added one at a time: the reference path, the flat optimizer, channels-last
/// on top, bf16 on top (TF32 is on wherever a switch is, and only matters on CUDA). bf16 cases are offered
/// only where they make sense: on CUDA, or on a CPU run with <c>--isa native</c>/<c>avx512</c> (pinned
/// to AVX2, oneDNN has no bf16 kernels and falls back to reference code ~25× slower).
/// </summary>
public class FastPathBenchmarks : DeviceBatchBenchmark
{
    private ModelStep _step = null!;

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
        "flat+channels-last+bf16" => new SpeedOptions { FlatOptimizer = true, ChannelsLast = true, Precision = "bf16", Tf32 = true },
        _ => throw new ArgumentException($"configuration '{config}' is not known"),
    };

    /// <summary>Only the protocol's batch size (32) and 64, as the base class offers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var device = StartRuntime();
        Repro.Runtime.TorchRuntime.Seed(42);
        var speed = Speed(Config);
        _tf32 = speed?.Tf32 == true ? Repro.Runtime.TorchRuntime.UseTf32(true) : null;
        _step = new ModelStep(ModelFactory.Create(new ModelSpec(ModelSpec.CustomCnn), device), device, Batch, Size, headOnly: false, speed: speed);
    }

    private IDisposable? _tf32;

    /// <summary>Frees the model and restores TF32.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _step?.Dispose();
        _tf32?.Dispose();
    }

    /// <summary>Forward + backward + clip + AdamW with the configuration's switches.</summary>
    [Benchmark]
    public float TrainingStep() => _step.TrainStep();
}
