using Repro.Runtime;

namespace Repro.Reproduction.Tests.Experiments;

/// <summary>A theory of the <c>gpu</c> tier: runs where a CUDA device and a CUDA-capable libtorch are present.</summary>
public sealed class CudaTheoryAttribute : TheoryAttribute
{
    public CudaTheoryAttribute()
    {
        if (CudaDriver.TryDescribe(0) is null)
            Skip = "gpu tier: no CUDA device on this machine (on a GPU host: repro catalogue run NAME, then repro snapshot --verify; see build/gpu-check.sh)";
        else if (TorchRuntime.Backend == "cpu")
            Skip = "gpu tier: this build's libtorch is CPU-only (build with -p:TorchBackend=external and a CUDA libtorch on LD_LIBRARY_PATH)";
    }
}
