using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Benchmarks;

/// <summary>
/// One training epoch of <c>q1-cnn-smoke</c> on the MTH416 training split (2,463 images at 64 px): the study's
/// augmentation on the device, class-weighted sampling, focal loss, clipping, AdamW — the trainer's own
/// <c>TrainOneEpoch</c>, after the data is decoded and resident (Monitoring: operations of seconds; one warm-up
/// epoch, then five measured, so that the summary has a spread; the device is synchronised before the clock stops).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, id: "Monitoring")]
public class EpochBenchmarks
{
    /// <summary>Training images in one epoch (the sampler draws as many as the split holds).</summary>
    public const int TrainImages = 2463;

    private RunSetup? _setup;
    private FitLoop? _fit;
    private int _epoch;

    /// <summary>cpu, and cuda only where present.</summary>
    [ParamsSource(nameof(DeviceNames))]
    public string Device { get; set; } = "cpu";

    /// <summary>The devices present.</summary>
    public static IEnumerable<string> DeviceNames => BenchDevices.Available();

    /// <summary>Decodes the data and builds the trainer, seeded.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchSettings.EnsureRuntime();
        _setup = RunSetup.Build(PresetRegistry.Get("q1-cnn-smoke"), new RunOptions
        {
            DataDirectory = BenchSettings.DataDirectory, Seed = 42, Device = Device, Runtime = TorchRuntime.Options,
        });
        _fit = new FitLoop(_setup);
    }

    /// <summary>One epoch; waits for the device.</summary>
    [Benchmark(OperationsPerInvoke = TrainImages)]
    public double TrainOneEpoch()
    {
        var (loss, images, _) = _fit!.TrainOneEpoch(++_epoch);
        if (images != TrainImages) throw new InvalidOperationException($"an epoch had {images} images, not {TrainImages}; OperationsPerInvoke would be wrong");
        BenchDevices.Synchronize(Devices.Resolve(Device));
        return loss;
    }

    /// <summary>Frees data, model and optimizer.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _fit?.Dispose();
        _setup?.Dispose();
    }
}
