using Repro.Sweeps;
using Repro.Tests.Cli;

namespace Repro.Tests.Sweeps;

public class SweepVerbsTests
{
    private static string[] TinyArgs(string outDir, params string[] more) => new[]
    {
        "sweep", "--presets", "q1-cnn-smoke", "--seeds", "3-4", "--image-size", "32", "--epochs", "1", "--set", "bootstrap_resamples=100",
        "--synthetic-scale", "0.02", "--no-checkpoints", "--out", outDir,
    }.Concat(more).ToArray();

    [Fact]
    public void Sweep_writes_the_plan_of_the_library_and_the_files_of_both_engines()
    {
        string dir = RepoPaths.NewTempDir("verb-sweep");
        var (code, stdout, stderr) = CliRunner.Run(TinyArgs(dir, "--emit", "slurm", "k8s", "--image", "repro:1", "--max-parallel", "1", "--mem", "4G"));
        Assert.True(code == 0, stderr);
        var plan = SweepPlan.Read(SweepPlan.PathIn(dir));
        // The command line and the library make the same plan (the tiny request is what the options say).
        // (--set first, then --epochs and --image-size: the order the command line applies them.)
        var expected = SweepPlanner.Expand(TinySweep.Request(3, 4) with
        {
            Overrides = new KeyValuePair<string, string>[] { new("bootstrap_resamples", "100"), new("epochs", "1"), new("image_size", "32") },
        }, dir);
        Assert.Equal(IO.ReproJson.Serialize(expected), IO.ReproJson.Serialize(plan));
        Assert.Contains($"plan: {SweepPlan.PathIn(dir)} (2 entries, sweep {plan.PlanHash})", stdout);
        Assert.Contains("#SBATCH --array=0-1%1", File.ReadAllText(Path.Combine(dir, SlurmScript.FileName)));
        Assert.Contains("#SBATCH --mem=4G", File.ReadAllText(Path.Combine(dir, SlurmScript.FileName)));
        Assert.Empty(JobSchema.Check(File.ReadAllText(Path.Combine(dir, KubernetesJob.FileName))).Errors);
    }

    [Fact]
    public void A_sweep_folder_belongs_to_one_plan()
    {
        string dir = RepoPaths.NewTempDir("verb-sweep-again");
        Assert.Equal(0, CliRunner.Run(TinyArgs(dir)).Code);
        byte[] plan = File.ReadAllBytes(SweepPlan.PathIn(dir));
        Assert.Equal(0, CliRunner.Run(TinyArgs(dir)).Code); // the same plan again: nothing changes
        var (code, _, stderr) = CliRunner.Run(TinyArgs(dir).Select(a => a == "3-4" ? "3-5" : a).ToArray());
        Assert.Equal(1, code);
        Assert.Contains("already holds sweep", stderr);
        Assert.Equal(plan, File.ReadAllBytes(SweepPlan.PathIn(dir)));
    }

    [Theory]
    [InlineData("--seeds", "9-1", "runs backwards")]
    [InlineData("--emit", "lsf", "'lsf' not recognized")]
    [InlineData("--emit", "k8s", "needs --image")]
    [InlineData("--set", "nope=1", "has no field 'nope'")]
    [InlineData("--folds", "1", "--folds must be between 2 and 100")]
    public void Bad_sweep_options_are_usage_errors_and_write_nothing(string option, string value, string expected)
    {
        string dir = Path.Combine(RepoPaths.NewTempDir("verb-sweep-bad"), "sweep");
        var args = TinyArgs(dir).ToList();
        int at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value; else args.AddRange(new[] { option, value });
        var (code, _, stderr) = CliRunner.Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Run_refuses_an_index_outside_the_plan_naming_the_range()
    {
        string planPath = TinySweep.NewPlan(TinySweep.Request(1, 2, 3), "verb-run");
        var (code, _, stderr) = CliRunner.Run("run", "--plan", planPath, "--index", "3");
        Assert.Equal(1, code);
        Assert.Contains("index 3 is outside this plan's entries 0..2", stderr);
        Assert.Equal(2, CliRunner.Run("run", "--plan", planPath, "--index", "-1").Code);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(planPath)!, SweepLayout.FailedFolder)));
    }
}
