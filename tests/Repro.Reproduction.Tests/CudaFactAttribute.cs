using Repro.Runtime;

namespace Repro.Reproduction.Tests;

/// <summary>A fact that runs only where a CUDA device is present; elsewhere it is skipped with the reason.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute() => Skip = NoCudaReason();

    /// <summary>Why CUDA tests cannot run here; null where they can. Asks the CUDA driver and the build's backend
    /// directly, so discovery does not start libtorch.</summary>
    public static string? NoCudaReason() =>
        CudaDriver.TryDescribe(0) is null
            ? "no CUDA device on this machine (CUDA reproduction runs need a GPU host; see build/gpu-check.sh)"
            : TorchRuntime.Backend == "cpu"
                ? "this build's libtorch is CPU-only: build with -p:TorchBackend=external and a CUDA libtorch on LD_LIBRARY_PATH (README, 'Backends')"
                : null;
}
