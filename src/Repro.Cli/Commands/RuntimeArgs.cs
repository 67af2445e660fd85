using Repro.Runtime;

namespace Repro.Cli.Commands;

/// <summary>The runtime options every computing verb accepts: --threads, --cpu-isa, --nondeterministic.</summary>
internal static class RuntimeArgs
{
    public const string Usage =
        "  --threads N          intra-op threads (default 2; results are bit-identical only at the same count)\n" +
        "  --cpu-isa ISA        avx2 (default: same bits on any AVX2 x86-64), avx512, or native\n" +
        "  --nondeterministic   allow nondeterministic algorithms (faster on CUDA)";

    public static RuntimeOptions Read(CommandArgs args) => new(
        Threads: args.Int("--threads"),
        CpuIsa: args.String("--cpu-isa") ?? "avx2",
        Deterministic: !args.Flag("--nondeterministic"));
}
