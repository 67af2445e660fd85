using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Benchmarks;

/// <summary>
/// A whole protocol run through <see cref="Trainer.Run"/> — decode (into a fresh, empty cache folder each
/// time, so decoding is always included), model build (q2: ImageNet ResNet18 weights from the ONNX package),
/// feature caching where the preset allows it, every epoch with per-epoch validation, final validation and
/// test evaluation with bootstrap CIs — wall time. The smoke presets run on CPU; where CUDA is present the
/// study's full <c>q1-cnn</c> and <c>q2-resnet</c> (224, 15 epochs) run on it as well, reference and with every
/// speed switch on (<c>-fast</c>). The device is synchronised before the clock stops. Monitoring strategy,
/// no warmup, one iteration: a run takes minutes on 2 CPU cores (raise it with --iterationCount).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, id: "Monitoring")]
public class ProtocolBenchmarks
{
    private string _cache = "";

    /// <summary><c>preset@device</c>.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "q1-cnn-smoke@cpu";

    /// <summary>Smoke presets on every device present; the full study presets, reference and fast, on CUDA only.</summary>
    public static IEnumerable<string> Cases
    {
        get
        {
            foreach (var device in BenchDevices.Available())
            {
                yield return $"q1-cnn-smoke@{device}";
                yield return $"q2-resnet-smoke@{device}";
                if (device != "cpu")
                {
                    yield return $"q1-cnn@{device}";
                    yield return $"q2-resnet@{device}";
                    yield return $"q1-cnn-fast@{device}";
                    yield return $"q2-resnet-fast@{device}";
                }
            }
        }
    }

    /// <summary>Starts the runtime.</summary>
    [GlobalSetup]
    public void Setup() => BenchSettings.EnsureRuntime();

    /// <summary>A fresh cache folder, so the run decodes.</summary>
    [IterationSetup]
    public void NewCache()
    {
        _cache = Path.Combine(Path.GetTempPath(), "repro-bench-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_cache);
    }

    /// <summary>One run of the preset, seed 42; returns the test balanced accuracy.</summary>
    [Benchmark]
    public double Run()
    {
        int at = Case.LastIndexOf('@');
        string device = Case[(at + 1)..];
        var result = Trainer.Run(PresetRegistry.Get(Case[..at]), new RunOptions
        {
            DataDirectory = BenchSettings.DataDirectory,
            CacheDirectory = _cache,
            Seed = 42,
            Device = device,
            Runtime = BenchSettings.RuntimeOptions,
        });
        BenchDevices.Synchronize(Devices.Resolve(device)); // nothing of the run is left queued when the clock stops
        return result.Test.BalancedAccuracy;
    }

    /// <summary>Removes the cache folder.</summary>
    [IterationCleanup]
    public void DropCache()
    {
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }
}
