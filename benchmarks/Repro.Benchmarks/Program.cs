using BenchmarkDotNet.Running;
using Repro.Benchmarks;
using Repro.Runtime;

// dotnet run -c Release --project benchmarks/Repro.Benchmarks -- --filter '*' [--threads 2] [--isa avx2|avx512|native] [--nondeterministic]
string[] rest = BenchSettings.Parse(args);
BenchSettings.EnsureRuntime();
Console.WriteLine($"Repro.Benchmarks: TorchSharp {TorchRuntime.TorchSharpVersion} ({TorchRuntime.Backend}), " +
                  $"threads {BenchSettings.Threads}, CPU ISA {BenchSettings.Isa}, deterministic {BenchSettings.Deterministic}, CUDA {(Devices.CudaAvailable ? "yes" : "no")}");
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(rest, new BenchConfig());
