using System.Globalization;
using Repro.Runtime;

namespace Repro.Benchmarks;

/// <summary>
/// <c>--phases</c>: where a CustomCnn training step spends its time, per speed configuration of
/// <see cref="FastPathBenchmarks"/> — forward, loss + backward, clip + AdamW — with the device waited for
/// between phases (so the phases add up to a slightly slower step than the benchmark's). A stopwatch over a
/// few steps after warm-up, not a BenchmarkDotNet run; <c>benchmarks/pytorch_step.py --phases</c> prints
/// PyTorch's split of the same step for comparison.
/// </summary>
public static class PhaseTimes
{
    /// <summary>Runs the table for sizes 64 and 224 at batch 32 on <c>--device</c> (cpu unless cuda is asked for).</summary>
    public static void Run(TextWriter output, int steps)
    {
        BenchSettings.EnsureRuntime();
        string deviceName = BenchSettings.DeviceFilter == "cuda" ? "cuda" : "cpu";
        var device = Devices.Resolve(deviceName);
        output.WriteLine($"| size | batch | config | forward ms | backward ms | optimizer ms | step ms | img/s |  ({deviceName}, ISA {BenchSettings.Isa}, {steps} steps after 2 warm-up)");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (int size in new[] { 64, 224 })
        {
            foreach (string config in FastPathBenchmarks.Configs)
            {
                TorchRuntime.Seed(42);
                using var step = FastPathBenchmarks.CreateStep(device, 32, size, config);
                for (int i = 0; i < 2; i++) step.TrainStep();
                double f = 0, b = 0, o = 0;
                for (int i = 0; i < steps; i++)
                {
                    var (fw, bw, opt) = step.TimedTrainStep();
                    f += fw; b += bw; o += opt;
                }
                f /= steps; b /= steps; o /= steps;
                double total = f + b + o;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size} | 32 | {config} | {f:F1} | {b:F1} | {o:F2} | {total:F1} | {32 * 1000.0 / total:F1} |"));
            }
        }
    }
}
