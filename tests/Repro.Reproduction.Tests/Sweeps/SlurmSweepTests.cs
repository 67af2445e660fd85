using System.Diagnostics;
using Repro.Results;
using Repro.Sweeps;

namespace Repro.Reproduction.Tests.Sweeps;

/// <summary>
/// A sweep on a real scheduler: a single-node Slurm cluster on this machine runs a 4-task array of tiny runs from the
/// emitted sbatch script, and the collected sweep equals the same four runs made in this process.
/// </summary>
public class SlurmSweepTests
{
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ArrayTimeout = TimeSpan.FromMinutes(6);

    [SlurmFact]
    public void A_four_task_array_on_local_Slurm_collects_to_the_same_runs_made_in_process()
    {
        var missing = SlurmCluster.Missing();
        Assert.True(missing.Count == 0, "CI=true needs a local Slurm for this test: " + string.Join("; ", missing));

        // The README's worked example, as written there (only --out and how the nodes start repro differ).
        string sweepDir = RepoPaths.NewTempDir("slurm-sweep");
        string cli = Path.Combine(AppContext.BaseDirectory, "repro.dll");
        var sweepArgs = ReadmeSlurmExample().Concat(new[] { "--out", sweepDir, "--repro-command", $"dotnet {cli}" }).ToArray();
        var made = Repro(sweepArgs);
        Assert.True(made.Code == 0, $"repro {string.Join(' ', sweepArgs)} failed ({made.Code}):\n{made.Out}\n{made.Err}");
        var plan = SweepPlan.Read(SweepPlan.PathIn(sweepDir));
        Assert.Equal(4, plan.Entries.Count);
        string script = Path.Combine(sweepDir, SlurmScript.FileName);

        using (var cluster = SlurmCluster.Start(RepoPaths.NewTempDir("slurm-cluster"), BootTimeout))
        {
            var env = new Dictionary<string, string> { ["REPRO_CACHE"] = TinySweep.Cache };
            string job = cluster.Submit(sweepDir, script, env);
            bool done = cluster.WaitUntilDone(job, ArrayTimeout);
            Assert.True(done, $"the array {job} did not finish within {ArrayTimeout.TotalMinutes} min\n{TaskLogs(sweepDir)}\n{cluster.Logs()}");
        }

        var collected = SweepCollection.Collect(sweepDir);
        Assert.True(collected.Complete, collected.Summary + "\n" + string.Join("\n", collected.ProblemLines) + "\n" + TaskLogs(sweepDir));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(sweepDir, SweepLayout.LogsFolder), "*.out").Length); // one log per task

        // The same four entries in this process, from a copy of the plan in another folder.
        string localDir = RepoPaths.NewTempDir("slurm-sweep-local");
        File.Copy(SweepPlan.PathIn(sweepDir), SweepPlan.PathIn(localDir));
        for (int i = 0; i < plan.Entries.Count; i++)
        {
            var local = SweepRunner.Run(SweepPlan.PathIn(localDir), i, cacheDirectory: TinySweep.Cache);
            var remote = collected.Entries[i];
            Assert.Equal(Path.GetRelativePath(localDir, local.ResultPath), Path.GetRelativePath(sweepDir, SweepLayout.Resolve(sweepDir, remote.Entry.Result)));
            Assert.Equal(RunSnapshot.Text(local.Result), RunSnapshot.Text(remote.Result!));
        }

        // Collecting through the command line: the report merges the finished sweep and says it is complete.
        var (code, stdout, stderr) = Repro("report", "--results", sweepDir, "--out", Path.Combine(sweepDir, "REPORT.md"));
        Assert.True(code == 0, $"repro report failed ({code}):\n{stdout}\n{stderr}");
        Assert.Contains($"sweep {plan.PlanHash}: 4 of 4 entries done; complete", stdout);
        Assert.Contains($"Sweep `{plan.PlanHash}` is complete", File.ReadAllText(Path.Combine(sweepDir, "REPORT.md")));
    }

    /// <summary>The <c>repro sweep</c> line of README's Slurm example (continuation lines joined), without --out.</summary>
    private static string[] ReadmeSlurmExample()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        int start = Array.FindIndex(lines, l => l.StartsWith("repro sweep --presets q1-cnn-smoke", StringComparison.Ordinal));
        Assert.True(start >= 0, "README.md has no Slurm worked example starting `repro sweep --presets q1-cnn-smoke`");
        var text = new System.Text.StringBuilder();
        for (int i = start; ; i++)
        {
            string l = lines[i].TrimEnd();
            text.Append(l.TrimEnd('\\')).Append(' ');
            if (!l.EndsWith('\\')) break;
        }
        var tokens = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList(); // drop "repro"
        int outAt = tokens.IndexOf("--out");
        Assert.True(outAt >= 0, "the README example names its sweep folder with --out");
        tokens.RemoveRange(outAt, 2);
        return tokens.ToArray();
    }

    private static string TaskLogs(string sweepDir)
    {
        string logs = Path.Combine(sweepDir, SweepLayout.LogsFolder);
        return !Directory.Exists(logs) ? "(no task logs)"
            : string.Join("\n", Directory.GetFiles(logs).Order(StringComparer.Ordinal)
                .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join("\n", File.ReadAllLines(f).TakeLast(15))}"));
    }

    private static (int Code, string Out, string Err) Repro(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "repro.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, err.Result);
    }
}
