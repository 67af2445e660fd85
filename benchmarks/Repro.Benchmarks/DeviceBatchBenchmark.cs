using BenchmarkDotNet.Attributes;
using Repro.Runtime;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>
/// What every per-batch benchmark shares: the batch size and device parameters (CUDA listed only where
/// present), the pinned runtime, and the resolved device.
/// </summary>
public abstract class DeviceBatchBenchmark
{
    /// <summary>Images per batch.</summary>
    [Params(32, 64)]
    public int Batch { get; set; }

    /// <summary>cpu, and cuda only where present.</summary>
    [ParamsSource(nameof(DeviceNames))]
    public string Device { get; set; } = "cpu";

    /// <summary>The devices present.</summary>
    public static IEnumerable<string> DeviceNames => BenchDevices.Available();

    /// <summary>Starts the pinned runtime and resolves <see cref="Device"/>.</summary>
    protected torch.Device StartRuntime()
    {
        BenchSettings.EnsureRuntime();
        return Devices.Resolve(Device);
    }
}
