using Repro.Data;
using Repro.IO;
using Repro.Sweeps;
using Repro.Training.Presets;

namespace Repro.Tests.Sweeps;

public class SweepPlannerTests
{
    private static SweepRequest Grid => new()
    {
        Presets = new[] { "q1-cnn-smoke", "q2-resnet-smoke" },
        Seeds = new long[] { 42, 43, 44 },
        Overrides = new KeyValuePair<string, string>[] { new("epochs", "1") },
    };

    [Fact]
    public void The_grid_expands_presets_then_seeds_with_one_result_path_each()
    {
        var plan = SweepPlanner.Expand(Grid, "sweep");
        Assert.Equal(6, plan.Entries.Count);
        Assert.Equal(Enumerable.Range(0, 6), plan.Entries.Select(e => e.Index));
        Assert.Equal(new[] { "q1-cnn-smoke", "q1-cnn-smoke", "q1-cnn-smoke", "q2-resnet-smoke", "q2-resnet-smoke", "q2-resnet-smoke" }, plan.Entries.Select(e => e.Preset));
        Assert.Equal(new long[] { 42, 43, 44, 42, 43, 44 }, plan.Entries.Select(e => e.Seed));
        Assert.Equal(6, plan.Entries.Select(e => e.Result).Distinct().Count());

        // The hash is the settings hash of the preset with the overrides, as a run computes it.
        var q1 = PresetOverrides.Apply(PresetRegistry.Get("q1-cnn-smoke"), new KeyValuePair<string, string>[] { new("epochs", "1") });
        string hash = PresetHash.Of(q1);
        Assert.Equal(hash, plan.Entries[0].SettingsHash);
        Assert.NotEqual(PresetHash.Of(PresetRegistry.Get("q1-cnn-smoke")), hash);
        Assert.Equal($"runs/q1-cnn-smoke-{hash}/q1-cnn-smoke-seed43.json", plan.Entries[1].Result);
        Assert.Equal($"runs/q1-cnn-smoke-{hash}", plan.Entries[1].Output);
    }

    [Fact]
    public void Each_entry_carries_its_whole_train_command()
    {
        var plan = SweepPlanner.Expand(Grid with { WriteCheckpoints = false, SyntheticScale = 0.05 }, "sweep");
        var e = plan.Entries[4];
        Assert.Equal(new[]
        {
            "train", "--preset", "q2-resnet-smoke", "--seed", "43", "--set", "epochs=1", "--out", e.Output,
            "--synthetic-scale", "0.05", "--threads", "2", "--cpu-isa", "avx2", "--no-checkpoints",
        }, e.TrainArgs);
    }

    [Fact]
    public void The_same_request_gives_the_same_plan_file_wherever_the_sweep_folder_is()
    {
        string a = RepoPaths.NewTempDir("plan-a"), b = RepoPaths.NewTempDir("plan-b");
        var data = Path.Combine(Path.GetDirectoryName(a)!, "data-x");
        string ja = ReproJson.Serialize(SweepPlanner.Expand(Grid with { DataDirectory = data }, a));
        string jb = ReproJson.Serialize(SweepPlanner.Expand(Grid with { DataDirectory = data }, b));
        Assert.Equal(ja, jb);
        Assert.Contains("\"data\": \"../data-x\"", ja); // relative to the sweep folder: no machine's absolute path
    }

    [Fact]
    public void Other_overrides_give_other_hashes_folders_and_plan_hashes()
    {
        var p1 = SweepPlanner.Expand(Grid, "s");
        var p2 = SweepPlanner.Expand(Grid with { Overrides = new KeyValuePair<string, string>[] { new("epochs", "2") } }, "s");
        Assert.NotEqual(p1.Entries[0].SettingsHash, p2.Entries[0].SettingsHash);
        Assert.NotEqual(p1.Entries[0].Result, p2.Entries[0].Result);
        Assert.NotEqual(p1.PlanHash, p2.PlanHash);
    }

    [Fact]
    public void A_plan_reads_back_as_written()
    {
        string path = TinySweep.NewPlan(TinySweep.Request(1, 2), "plan-rt");
        var plan = SweepPlan.Read(path);
        Assert.Equal(File.ReadAllText(path), ReproJson.Serialize(plan) + "\n");
        var e = Assert.Throws<ArgumentException>(() => plan.Entry(2));
        Assert.Contains("outside this plan's entries 0..1", e.Message);
    }

    [Fact]
    public void Bad_requests_are_refused_naming_the_input()
    {
        Assert.Contains("preset 'nope' is not known", Assert.Throws<ArgumentException>(() => SweepPlanner.Expand(Grid with { Presets = new[] { "nope" } }, "s")).Message);
        Assert.Contains("has no field 'epoch'", Assert.Throws<ArgumentException>(() => SweepPlanner.Expand(
            Grid with { Overrides = new KeyValuePair<string, string>[] { new("epoch", "1") } }, "s")).Message);
        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() => SweepPlanner.Expand(Grid with { Presets = new[] { "q1-cnn", "q1-cnn" } }, "s")).Message);
        Assert.Contains("at least one seed", Assert.Throws<ArgumentException>(() => SweepPlanner.Expand(Grid with { Seeds = Array.Empty<long>() }, "s")).Message);
        Assert.Contains("folds must be between 2 and 100", Assert.ThrowsAny<ArgumentException>(() => SweepPlanner.Expand(Grid with { Folds = 1 }, "s")).Message);
    }

    [Fact]
    public void Folds_expand_between_presets_and_seeds_with_a_folder_per_fold_of_the_recorded_assignment()
    {
        var plan = SweepPlanner.Expand(Grid with { Presets = new[] { "q1-cnn-smoke" }, Folds = 3, Seeds = new long[] { 1, 2 } }, "s");
        Assert.Equal(6, plan.Entries.Count);
        Assert.Equal(new int?[] { 0, 0, 1, 1, 2, 2 }, plan.Entries.Select(e => e.Fold));
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2 }, plan.Entries.Select(e => e.Seed));
        Assert.All(plan.Entries, e => Assert.Equal(new FoldSpec(3, e.Fold!.Value, PatientFolds.DefaultSeed), e.FoldSpec));
        string hash = plan.Entries[0].SettingsHash;
        Assert.Equal($"runs/q1-cnn-smoke-{hash}-k3-foldseed42-fold2/q1-cnn-smoke-seed2.json", plan.Entries[3].Result);
        Assert.Equal(6, plan.Entries.Select(e => e.Result).Distinct().Count());
        Assert.All(plan.Entries, e => Assert.Null(e.TrainArgs)); // repro train has no fold option: repro run runs them
    }
}
