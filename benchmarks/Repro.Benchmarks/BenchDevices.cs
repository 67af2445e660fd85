using Repro.Runtime;
using TorchSharp;

namespace Repro.Benchmarks;

/// <summary>
/// The devices a benchmark is parameterised over: only those present. BenchmarkDotNet cannot skip a
/// case cleanly once it is in the run, so without CUDA the <c>cuda</c> value is simply never offered
/// and no CUDA case exists.
/// </summary>
public static class BenchDevices
{
    /// <summary><c>cpu</c>, plus <c>cuda</c> when libtorch has CUDA and sees a device, narrowed by <c>--device</c>.</summary>
    public static IEnumerable<string> Available() => Available(CudaPresent(), BenchSettings.DeviceFilter);

    /// <summary>The device names for a machine with or without CUDA (testable without a GPU).</summary>
    public static IEnumerable<string> Available(bool cudaPresent, string filter = "all")
    {
        if (filter is "all" or "cpu") yield return "cpu";
        if (cudaPresent && filter is "all" or "cuda") yield return "cuda";
    }

    /// <summary>Waits for queued CUDA work, so that an operation's time includes its kernels; no-op on CPU.</summary>
    public static void Synchronize(torch.Device device)
    {
        if (device.type == DeviceType.CUDA) torch.cuda.synchronize(device);
    }

    private static bool CudaPresent()
    {
        BenchSettings.EnsureRuntime();
        return Devices.CudaAvailable;
    }
}
