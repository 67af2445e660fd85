using Repro.Runtime;

namespace Repro.Tests;

/// <summary>The runtime settings every test uses: 2 threads, AVX2 kernels, deterministic.</summary>
internal static class TestRuntime
{
    public static RuntimeOptions Options { get; } = new(Threads: 2, CpuIsa: "avx2", Deterministic: true);

    /// <summary>Initialises libtorch with <see cref="Options"/> (idempotent).</summary>
    public static void Init() => TorchRuntime.EnsureInitialized(Options);
}
