namespace Repro.Runtime;

/// <summary>
/// How the native runtime is set up for a run. Everything that decides the bits of a CPU result
/// is here: the thread count, the instruction set the kernels may dispatch on, determinism.
/// </summary>
/// <param name="Threads">Intra-op threads; results are bit-identical only at the same count.
/// Null means <see cref="DefaultThreads"/>.</param>
/// <param name="CpuIsa">Highest CPU instruction set libtorch, oneDNN and MKL may use: <c>avx2</c>
/// (default: the same bits on every x86-64 machine with AVX2), <c>avx512</c>, or <c>native</c>
/// (whatever this CPU has; fastest, bits may differ across machines).</param>
/// <param name="Deterministic">Deterministic algorithms, deterministic cuDNN, cuDNN benchmark off (libtorch's NaN fill
/// of uninitialised memory, which deterministic mode would switch on, stays off: it costs time and changes no result).</param>
/// <param name="AllowTf32">TF32 matmuls/convolutions on CUDA (Ampere+); changes CUDA numbers.</param>
public sealed record RuntimeOptions(int? Threads = null, string CpuIsa = "avx2", bool Deterministic = true, bool AllowTf32 = false)
{
    /// <summary>The thread count used when none is given: 2, the count the snapshots were made at,
    /// capped by the machine's cores.</summary>
    public static int DefaultThreads => Math.Max(1, Math.Min(2, Environment.ProcessorCount));

    /// <summary>The default options.</summary>
    public static RuntimeOptions Default { get; } = new();

    /// <summary>Threads resolved against the machine.</summary>
    public int ResolvedThreads => Threads is > 0 ? Threads.Value : DefaultThreads;
}
