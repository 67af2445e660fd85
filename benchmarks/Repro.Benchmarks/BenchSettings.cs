using System.Globalization;
using System.Reflection;
using Repro.Runtime;

namespace Repro.Benchmarks;

/// <summary>
/// Process-wide settings of a benchmark run: libtorch's intra-op threads and CPU instruction set (both
/// fixed once libtorch has started, so they are options of the process, not BenchmarkDotNet
/// <c>[Params]</c>: compare ISAs by running the suite twice), and where MTH416 is.
/// </summary>
public static class BenchSettings
{
    /// <summary>Intra-op threads (default 2, the count the study's CPU snapshots use).</summary>
    public static int Threads { get; private set; } = 2;

    /// <summary>CPU instruction set libtorch may dispatch on: <c>avx2</c> (default, pinned), <c>avx512</c> or <c>native</c>.</summary>
    public static string Isa { get; private set; } = "avx2";

    /// <summary>Which devices the per-batch benchmarks are offered on: <c>all</c> present (default), <c>cpu</c> or <c>cuda</c>.</summary>
    public static string DeviceFilter { get; private set; } = "all";

    /// <summary>Deterministic algorithms (default true, as in every run); <c>--nondeterministic</c> turns them off to see their cost.</summary>
    public static bool Deterministic { get; private set; } = true;

    /// <summary>
    /// Takes <c>--threads N</c>, <c>--nondeterministic</c>, <c>--device all|cpu|cuda</c> and <c>--isa NAME</c> (or <c>REPRO_BENCH_THREADS</c> / <c>REPRO_BENCH_ISA</c>)
    /// out of <paramref name="args"/>; the rest goes to BenchmarkDotNet.
    /// </summary>
    public static string[] Parse(string[] args)
    {
        if (Environment.GetEnvironmentVariable("REPRO_BENCH_THREADS") is { Length: > 0 } t)
            Threads = int.Parse(t, CultureInfo.InvariantCulture);
        if (Environment.GetEnvironmentVariable("REPRO_BENCH_ISA") is { Length: > 0 } i)
            Isa = i;
        var rest = new List<string>();
        for (int k = 0; k < args.Length; k++)
        {
            if (args[k] == "--threads" && k + 1 < args.Length) Threads = int.Parse(args[++k], CultureInfo.InvariantCulture);
            else if (args[k] == "--isa" && k + 1 < args.Length) Isa = args[++k];
            else if (args[k] == "--nondeterministic") Deterministic = false;
            else if (args[k] == "--device" && k + 1 < args.Length) DeviceFilter = args[++k];
            else rest.Add(args[k]);
        }
        if (DeviceFilter is not ("all" or "cpu" or "cuda"))
            throw new ArgumentException($"--device '{DeviceFilter}' is not known: use all, cpu or cuda");
        if (Threads < 1) throw new ArgumentOutOfRangeException(nameof(args), Threads, "--threads must be at least 1");
        CpuIsaPin.Variables(Isa); // validates the name
        return rest.ToArray();
    }

    /// <summary>Starts libtorch with the chosen threads and ISA (idempotent); every benchmark's setup calls it.</summary>
    public static void EnsureRuntime() => TorchRuntime.EnsureInitialized(RuntimeOptions);

    /// <summary>The runtime options of this process (also handed to <c>Trainer.Run</c>, so that it changes nothing).</summary>
    public static RuntimeOptions RuntimeOptions => new(Threads: Threads, CpuIsa: Isa, Deterministic: Deterministic);

    /// <summary>
    /// The MTH416 folder: <c>REPRO_BENCH_DATA</c>, else <c>data/mth416</c> under the current directory or
    /// one of its parents, else under the repository this was built from.
    /// </summary>
    public static string DataDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("REPRO_BENCH_DATA") is { Length: > 0 } env) return Path.GetFullPath(env);
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", "mth416");
                if (Directory.Exists(candidate)) return candidate;
            }
            string? root = typeof(BenchSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "ReproRoot")?.Value;
            if (root is not null && Directory.Exists(Path.Combine(root, "data", "mth416"))) return Path.Combine(root, "data", "mth416");
            throw new DirectoryNotFoundException("data/mth416 not found: run from the repository, or set REPRO_BENCH_DATA to the MTH416 folder");
        }
    }
}
