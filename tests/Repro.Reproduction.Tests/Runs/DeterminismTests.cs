using System.Diagnostics;
using Repro.Results;
using Repro.Training.Presets;

namespace Repro.Reproduction.Tests.Runs;

/// <summary>
/// Determinism, proven: a fast seeded run (the catalogue's <c>synthetic-q1-fast</c>, whose snapshot its own test
/// verifies) gives the same snapshot again after other runs (test order), and in a fresh process through the
/// <c>repro</c> command line.
/// </summary>
public class DeterminismTests
{
    [Fact]
    public void The_same_run_after_other_runs_is_identical()
    {
        string first = RunSnapshot.Json(ReproductionRuns.Synthetic(ReproductionRuns.FastQ1));
        ReproductionRuns.Synthetic(ReproductionRuns.FastQ1 with { LearningRate = 1e-3 }, seed: 3); // disturbs every global generator
        string again = RunSnapshot.Json(ReproductionRuns.Synthetic(ReproductionRuns.FastQ1));
        Assert.Equal(first, again);
    }

    [Fact]
    public void A_fresh_process_gives_the_same_snapshot()
    {
        string inProcess = RunSnapshot.Json(ReproductionRuns.Synthetic(ReproductionRuns.FastQ1));
        string outDir = RepoPaths.NewTempDir("fresh");
        string cli = Path.Combine(AppContext.BaseDirectory, "repro.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
                 {
                     cli, "train", "--preset", "q1-cnn-smoke", "--seed", "42", "--out", outDir,
                     "--synthetic-scale", ReproductionRuns.SyntheticScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--image-size", "32", "--epochs", "3", "--threads", "2", "--cpu-isa", "avx2",
                     "--cache", Path.Combine(Path.GetTempPath(), "repro-tests", "cache"),
                 })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"repro train failed ({p.ExitCode}):\n{stdout}\n{stderr}");
        var fromCli = ResultFile.Read(Path.Combine(outDir, ResultFile.FileName(ReproductionRuns.FastQ1, 42)));
        Assert.Equal(inProcess, RunSnapshot.Json(fromCli));
    }
}
