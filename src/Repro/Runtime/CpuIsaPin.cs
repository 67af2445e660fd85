namespace Repro.Runtime;

/// <summary>
/// The environment variables that decide which kernels libtorch's CPU backends dispatch to.
/// They are read by native code once, at first use, so they are set through libc before libtorch
/// initialises: ATen's own kernels (<c>ATEN_CPU_CAPABILITY</c>), oneDNN's convolutions
/// (<c>ONEDNN_MAX_CPU_ISA</c>) and MKL's BLAS (<c>MKL_CBWR</c>, conditional numerical reproducibility).
/// </summary>
public static class CpuIsaPin
{
    /// <summary>The variables to set for <paramref name="isa"/>; empty for <c>native</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Variables(string isa) => isa.ToLowerInvariant() switch
    {
        "native" => Array.Empty<KeyValuePair<string, string>>(),
        "avx2" => new[]
        {
            new KeyValuePair<string, string>("ATEN_CPU_CAPABILITY", "avx2"),
            new KeyValuePair<string, string>("ONEDNN_MAX_CPU_ISA", "AVX2"),
            new KeyValuePair<string, string>("MKL_CBWR", "AVX2,STRICT"),
            new KeyValuePair<string, string>("MKL_ENABLE_INSTRUCTIONS", "AVX2"),
        },
        "avx512" => new[]
        {
            new KeyValuePair<string, string>("ATEN_CPU_CAPABILITY", "avx512"),
            new KeyValuePair<string, string>("ONEDNN_MAX_CPU_ISA", "AVX512_CORE"),
            new KeyValuePair<string, string>("MKL_CBWR", "AVX512,STRICT"),
            new KeyValuePair<string, string>("MKL_ENABLE_INSTRUCTIONS", "AVX512"),
        },
        _ => throw new ArgumentException($"CPU instruction set '{isa}' is not known: use avx2, avx512 or native."),
    };
}
