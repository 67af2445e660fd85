using Repro.Data;
using Repro.Reporting;
using Repro.Results;
using Repro.Sweeps;
using Repro.Tests.Cli;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Tests.Sweeps;

/// <summary>One tiny sweep of two entries; entry 0 runs once for the whole class.</summary>
public sealed class TinySweepFixture
{
    public string PlanPath { get; } = TinySweep.NewPlan(TinySweep.Request(7, 8), "sweep-run");
    public string Directory => Path.GetDirectoryName(PlanPath)!;
    public SweepRunOutcome First { get; }

    public TinySweepFixture() => First = SweepRunner.Run(PlanPath, 0, cacheDirectory: TinySweep.Cache);
}

public class SweepRunnerTests : IClassFixture<TinySweepFixture>
{
    private readonly TinySweepFixture _sweep;
    public SweepRunnerTests(TinySweepFixture sweep) => _sweep = sweep;

    [Fact]
    public void An_entry_runs_as_the_same_train_run_made_directly_and_lands_at_its_plan_path()
    {
        var first = _sweep.First;
        Assert.False(first.Skipped);
        Assert.Equal(Path.Combine(_sweep.Directory, "runs", $"q1-cnn-smoke-{first.Entry.SettingsHash}", "q1-cnn-smoke-seed7.json"), first.ResultPath);
        var written = ResultFile.Read(first.ResultPath);
        Assert.Equal(first.Entry.SettingsHash, written.SettingsHash);

        // The same run without the sweep machinery: the preset with the overrides, straight through the trainer.
        var preset = PresetOverrides.Apply(PresetRegistry.Get("q1-cnn-smoke"), TinySweep.Overrides);
        var direct = Trainer.Run(preset, new RunOptions
        {
            SyntheticScale = 0.02, Seed = 7, CacheDirectory = TinySweep.Cache, Runtime = TestRuntime.Options,
        });
        Assert.Equal(RunSnapshot.Text(direct), RunSnapshot.Text(written));
    }

    [Fact]
    public void A_fold_entry_runs_the_held_out_fold_of_the_recorded_assignment()
    {
        string planPath = TinySweep.NewPlan(TinySweep.Request(5) with { Folds = 3 }, "sweep-fold");
        var outcome = SweepRunner.Run(planPath, 1, cacheDirectory: TinySweep.Cache);
        Assert.Equal(new FoldSpec(3, 1), outcome.Entry.FoldSpec);
        Assert.Contains("cv fold 2/3", outcome.Result.Data.Source);

        // The same fold as an ordinary run with the fold data option (what repro cv runs for that fold).
        var preset = PresetOverrides.Apply(PresetRegistry.Get("q1-cnn-smoke"), TinySweep.Overrides);
        var direct = Trainer.Run(preset, new RunOptions
        {
            SyntheticScale = 0.02, Seed = 5, CacheDirectory = TinySweep.Cache, Runtime = TestRuntime.Options, Fold = new FoldSpec(3, 1),
        });
        Assert.Equal(RunSnapshot.Text(direct), RunSnapshot.Text(ResultFile.Read(outcome.ResultPath)));
    }

    [Fact]
    public void An_entry_killed_after_an_epoch_continues_from_its_checkpoint_to_the_same_result()
    {
        // Two epochs with checkpoints; the first attempt stops after epoch 1 (as a preempted task would, minus the kill).
        var twoEpochs = TinySweep.Request(11) with
        {
            Overrides = TinySweep.Overrides.Select(kv => kv.Key == "epochs" ? new KeyValuePair<string, string>("epochs", "2") : kv).ToArray(),
            WriteCheckpoints = true,
        };
        string planPath = TinySweep.NewPlan(twoEpochs, "sweep-resume");
        string dir = Path.GetDirectoryName(planPath)!;
        var plan = SweepPlan.Read(planPath);
        var entry = plan.Entries[0];
        var preset = SweepRunner.Resolve(entry);
        Assert.Throws<RunInterruptedException>(() =>
            Trainer.Run(preset, SweepRunner.Options(plan, entry, dir, cacheDirectory: TinySweep.Cache) with { InterruptAfterEpoch = 1 }));
        Assert.False(File.Exists(SweepLayout.Resolve(dir, entry.Result)));

        var resumed = SweepRunner.Run(planPath, 0, cacheDirectory: TinySweep.Cache);
        Assert.NotNull(resumed.ResumedFrom);
        Assert.EndsWith("q1-cnn-smoke-seed11.last.ckpt", resumed.ResumedFrom);

        var uninterrupted = Trainer.Run(preset, new RunOptions
        {
            SyntheticScale = 0.02, Seed = 11, CacheDirectory = TinySweep.Cache, Runtime = TestRuntime.Options,
        });
        Assert.Equal(RunSnapshot.Text(uninterrupted), RunSnapshot.Text(ResultFile.Read(resumed.ResultPath)));
    }

    [Fact]
    public void A_finished_entry_is_skipped_and_its_files_are_left_as_they_were()
    {
        string path = _sweep.First.ResultPath;
        byte[] before = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);
        var again = SweepRunner.Run(_sweep.PlanPath, 0, cacheDirectory: TinySweep.Cache);
        Assert.True(again.Skipped);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.Equal(RunSnapshot.Text(_sweep.First.Result), RunSnapshot.Text(again.Result));
    }

    [Fact]
    public void A_result_with_other_settings_at_an_entry_path_is_never_overwritten()
    {
        // A copy of this plan in a fresh folder, whose entry 1 (seed 8) finds seed 7's result at its path.
        string dir = RepoPaths.NewTempDir("sweep-conflict");
        File.Copy(_sweep.PlanPath, SweepPlan.PathIn(dir));
        var plan = SweepPlan.Read(SweepPlan.PathIn(dir));
        string target = SweepLayout.Resolve(dir, plan.Entries[1].Result);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(_sweep.First.ResultPath, target);
        byte[] before = File.ReadAllBytes(target);

        var e = Assert.Throws<SweepConflictException>(() => SweepRunner.Run(SweepPlan.PathIn(dir), 1, cacheDirectory: TinySweep.Cache));
        Assert.Contains("seed 7", e.Message);
        Assert.Contains("nothing was overwritten", e.Message);
        Assert.Equal(before, File.ReadAllBytes(target));

        var collected = SweepCollection.Collect(dir);
        Assert.Equal(new[] { SweepEntryState.Missing, SweepEntryState.Invalid }, collected.Entries.Select(s => s.State));
        Assert.Contains("seed 7, the plan's entry is", collected.Entries[1].Reason);
    }

    [Fact]
    public void A_failed_entry_leaves_a_record_that_collecting_reports_with_its_reason()
    {
        string dir = RepoPaths.NewTempDir("sweep-fail");
        string missingData = Path.Combine(dir, "no-such-dataset");
        string planPath = SweepPlan.PathIn(dir);
        SweepPlanner.Expand(TinySweep.Request(1, 2) with { DataDirectory = missingData }, dir).Write(planPath);

        Assert.ThrowsAny<Exception>(() => SweepRunner.Run(planPath, 1, cacheDirectory: TinySweep.Cache));
        var failure = SweepFailure.Read(dir, 1);
        Assert.NotNull(failure);
        Assert.Contains("no-such-dataset", failure!.Message);

        var collected = SweepCollection.Collect(dir);
        Assert.False(collected.Complete);
        Assert.Equal(new[] { SweepEntryState.Missing, SweepEntryState.Failed }, collected.Entries.Select(s => s.State));
        Assert.Equal("sweep " + collected.Plan.PlanHash + ": 0 of 2 entries done; 1 missing, 1 failed", collected.Summary);
        Assert.StartsWith("entry 1 (q1-cnn-smoke seed 2): failed: ", collected.ProblemLines[1]);
        Assert.Contains("no-such-dataset", collected.ProblemLines[1]);
        Assert.StartsWith("entry 0 (q1-cnn-smoke seed 1): missing: no result at runs/", collected.ProblemLines[0]);
    }

    [Fact]
    public void The_report_of_a_partial_sweep_lists_what_is_missing_and_fails()
    {
        // This fixture's sweep: entry 0 done, entry 1 never ran.
        string report = Path.Combine(RepoPaths.NewTempDir("sweep-report"), "REPORT.md");
        var outcome = ReportBuilder.Build(new ReportOptions(_sweep.Directory, report));
        Assert.NotNull(outcome.Sweep);
        Assert.False(outcome.Sweep!.Complete);
        string md = File.ReadAllText(report);
        Assert.Contains("is incomplete: 1 of 2 entries finished.", md);
        Assert.Contains("| 1 | q1-cnn-smoke | 8 | missing | no result at runs/", md);

        var (code, stdout, stderr) = CliRunner.Run("report", "--results", _sweep.Directory, "--out", report);
        Assert.Equal(1, code);
        Assert.Contains("1 of 2 entries done; 1 missing", stdout);
        Assert.Contains("repro report: entry 1 (q1-cnn-smoke seed 8): missing: no result at", stderr);
    }
}
