using System.CommandLine;
using Repro.Runtime;

namespace Repro.Cli.Commands;

/// <summary>The runtime options every computing verb accepts: --threads, --cpu-isa, --nondeterministic.</summary>
internal sealed class RuntimeArgs
{
    private readonly Option<int?> _threads = new Option<int?>("--threads")
    {
        Description = $"intra-op threads (default {RuntimeOptions.DefaultThreads}; results are bit-identical only at the same count)",
        HelpName = "N",
    }.Within(1, 1024);

    private readonly Option<string> _cpuIsa = new("--cpu-isa")
    {
        Description = "avx2 (default: same bits on any AVX2 x86-64), avx512, or native",
        HelpName = "ISA",
        DefaultValueFactory = _ => "avx2",
    };

    private readonly Option<bool> _nondeterministic = new("--nondeterministic")
    {
        Description = "allow nondeterministic algorithms (faster on CUDA)",
    };

    public RuntimeArgs(Command verb)
    {
        _cpuIsa.AcceptOnlyFromAmong("avx2", "avx512", "native");
        verb.Add(_threads);
        verb.Add(_cpuIsa);
        verb.Add(_nondeterministic);
    }

    public RuntimeOptions Read(ParseResult parse) => new(
        Threads: parse.GetValue(_threads),
        CpuIsa: parse.GetValue(_cpuIsa)!,
        Deterministic: !parse.GetValue(_nondeterministic));
}
