using BenchmarkDotNet.Running;
using Repro.Benchmarks;
using Repro.Runtime;

// dotnet run -c Release --project benchmarks/Repro.Benchmarks -- --filter '*' [--threads 2] [--isa avx2|avx512|native] [--nondeterministic] [--device cpu|cuda|all]
//   ... -- --phases [--steps N]: where the CustomCnn step's time goes, per speed configuration (not BenchmarkDotNet)
string[] rest = BenchSettings.Parse(args);
BenchSettings.EnsureRuntime();
Console.WriteLine($"Repro.Benchmarks: TorchSharp {TorchRuntime.TorchSharpVersion} ({TorchRuntime.Backend}), " +
                  $"threads {BenchSettings.Threads}, CPU ISA {BenchSettings.Isa}, deterministic {BenchSettings.Deterministic}, CUDA {(Devices.CudaAvailable ? "yes" : "no")}");
if (rest.Contains("--phases"))
{
    // Not a BenchmarkDotNet run: a per-phase stopwatch of the CustomCnn step (see PhaseTimes).
    int at = Array.IndexOf(rest, "--steps");
    PhaseTimes.Run(Console.Out, at >= 0 && at + 1 < rest.Length ? int.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(rest, new BenchConfig());
