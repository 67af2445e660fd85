using System.Diagnostics;
using Repro.Sweeps;

namespace Repro.Tests.Sweeps;

public class SlurmScriptTests
{
    private static SweepPlan Plan(int seeds) => SweepPlanner.Expand(TinySweep.Request(Enumerable.Range(1, seeds).Select(i => (long)i).ToArray()), "s");

    private static string[] Directives(string script) =>
        script.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).Select(l => l["#SBATCH ".Length..]).ToArray();

    [Fact]
    public void The_array_covers_every_entry_with_the_resources_asked_for_and_a_log_per_task()
    {
        var plan = Plan(6);
        string script = SlurmScript.Text(plan, new SlurmOptions { MaxParallel = 2, Memory = "8G", Gpus = 1, Time = "01:30:00", Partition = "gpu" });
        Assert.StartsWith("#!/bin/bash\n", script);
        Assert.Equal(new[]
        {
            $"--job-name=repro-sweep-{plan.PlanHash}", "--array=0-5%2", "--ntasks=1", "--cpus-per-task=2", "--mem=8G", "--gres=gpu:1",
            "--time=01:30:00", "--partition=gpu", "--output=logs/%A_%a.out", "--error=logs/%A_%a.out",
        }, Directives(script));
        Assert.EndsWith("exec repro run --plan plan.json --index \"$SLURM_ARRAY_TASK_ID\"\n", script);
        // sbatch reads #SBATCH lines only before the first command.
        int firstCommand = script.Split('\n').ToList().FindIndex(l => l.Length > 0 && !l.StartsWith('#'));
        Assert.True(script.Split('\n').ToList().FindLastIndex(l => l.StartsWith("#SBATCH", StringComparison.Ordinal)) < firstCommand);
    }

    [Fact]
    public void Defaults_run_all_entries_at_once_with_the_plans_threads_and_nothing_else()
    {
        Assert.Equal(new[] { "--array=0-2%3", "--ntasks=1", "--cpus-per-task=2" }, Directives(SlurmScript.Text(Plan(3), new SlurmOptions())).Skip(1).Take(3));
        Assert.DoesNotContain("--mem", SlurmScript.Text(Plan(3), new SlurmOptions()));
        Assert.DoesNotContain("--gres", SlurmScript.Text(Plan(3), new SlurmOptions()));
        Assert.Contains("--array=0-2%3", SlurmScript.Text(Plan(3), new SlurmOptions { MaxParallel = 10 })); // never more than the entries
    }

    [Fact]
    public void The_script_runs_its_task_index_from_the_sweep_folder_and_refuses_any_other_folder()
    {
        // bash runs the script as sbatch would, with a stand-in for repro that records its arguments.
        string dir = RepoPaths.NewTempDir("sbatch");
        string argsFile = Path.Combine(dir, "args.txt");
        string fake = Path.Combine(dir, "fake-repro.sh");
        File.WriteAllText(fake, $"#!/bin/bash\nprintf '%s\\n' \"$@\" > '{argsFile}'\n");
        var plan = Plan(4);
        plan.Write(SweepPlan.PathIn(dir));
        string script = SlurmScript.Write(dir, plan, new SlurmOptions { ReproCommand = $"bash {fake}" });
        Assert.True(Directory.Exists(Path.Combine(dir, "logs")));

        Assert.Equal(0, Bash(dir, script, "3").Code);
        Assert.Equal(new[] { "run", "--plan", "plan.json", "--index", "3" }, File.ReadAllLines(argsFile));

        var (code, err) = Bash(RepoPaths.NewTempDir("sbatch-elsewhere"), script, "0");
        Assert.Equal(2, code);
        Assert.Contains("submit from the sweep folder", err);
    }

    [Theory]
    [InlineData("8G; rm -rf /", null)]
    [InlineData(null, "gpu partition")]
    public void Option_values_that_would_break_a_directive_are_refused(string? memory, string? partition)
    {
        var e = Assert.Throws<ArgumentException>(() => SlurmScript.Text(Plan(2), new SlurmOptions { Memory = memory, Partition = partition }));
        Assert.Contains("cannot hold", e.Message);
    }

    private static (int Code, string Err) Bash(string cwd, string script, string taskId)
    {
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = cwd, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(script);
        psi.Environment["SLURM_ARRAY_TASK_ID"] = taskId;
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }
}
