namespace Repro.Reproduction.Tests.Experiments;

/// <summary>A theory of the <c>gpu</c> tier: runs where a CUDA device and a CUDA-capable libtorch are present
/// (on a host without the SDK: <c>repro catalogue run NAME --device cuda --verify snapshots</c>).</summary>
public sealed class CudaTheoryAttribute : TheoryAttribute
{
    public CudaTheoryAttribute() => Skip = CudaFactAttribute.NoCudaReason() is { } reason ? "gpu tier: " + reason : null;
}
