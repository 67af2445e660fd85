namespace Repro.Tests.Cli;

/// <summary>The multi-run verbs end to end on a tiny synthetic set (1 epoch, 32 px).</summary>
public class StudyVerbsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        TestRuntime.Init();
        return CliRunner.Run(args);
    }

    /// <summary>A run's files in <paramref name="dir"/>: <c>{preset}-{12 hex settings hash}-seed42{suffix}</c>.</summary>
    private static string[] RunFiles(string dir, string preset, string suffix) =>
        Directory.Exists(dir)
            ? Directory.GetFiles(dir).Where(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f),
                "^" + System.Text.RegularExpressions.Regex.Escape(preset) + "-[0-9a-f]{12}-seed42" + System.Text.RegularExpressions.Regex.Escape(suffix) + "$")).ToArray()
            : [];

    private static readonly string[] Tiny =
        { "--synthetic-scale", "0.02", "--epochs", "1", "--image-size", "32", "--threads", "2", "--set", "bootstrap_resamples=0" };

    [Fact]
    public void Reproduce_prints_the_study_table_beside_the_report_and_baselines()
    {
        string outDir = RepoPaths.NewTempDir("reproduce");
        var (code, stdout, stderr) = Run(["reproduce", "--synthetic", "--out", outDir, .. Tiny]);
        Assert.True(code == 0, stderr);
        Assert.Contains("q1-cnn-smoke", stdout);
        Assert.Contains("q2-resnet-smoke", stdout);
        Assert.Contains("1,636,611", stdout);
        Assert.Contains("0.333", stdout);   // the report's Q1 balanced accuracy
        Assert.Contains("0.328", stdout);   // the report's Q2 balanced accuracy
        Assert.Contains("baseline: all Normal", stdout);
        Assert.Single(RunFiles(outDir, "q1-cnn-smoke", ".json"));
        Assert.Single(RunFiles(outDir, "q2-resnet-smoke", ".json"));
        Assert.Contains("epoch  1/1", stderr); // progress per epoch
    }

    [Fact]
    public void Cv_pools_the_out_of_fold_predictions_and_prints_lesion_metrics()
    {
        string outDir = RepoPaths.NewTempDir("cv");
        var (code, stdout, stderr) = Run(["cv", "--preset", "q1-cnn-smoke", "--folds", "3", "--bootstrap", "20", "--harmonize", "--out", outDir,
            "--synthetic-scale", "0.05", "--epochs", "1", "--image-size", "32", "--threads", "2", "--set", "bootstrap_resamples=0"]);
        Assert.True(code == 0, stderr);
        Assert.Contains("3-fold patient-grouped CV", stdout);
        Assert.Contains("jpeg-imagesharp-luminance-q75", stdout); // --harmonize reached the data
        Assert.Contains("pooled out-of-fold", stdout);
        Assert.Contains("lesions (", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "cv-q1-cnn-smoke-k3-foldseed42-seed42.json")));
        var (usage, _, err) = Run(["cv", "--preset", "q1-cnn-smoke", "--folds", "1"]);
        Assert.Equal(2, usage);
        Assert.Contains("--folds", err);
    }

    [Fact]
    public void Ablate_runs_six_variants_per_preset()
    {
        string outDir = RepoPaths.NewTempDir("ablate");
        var (code, stdout, stderr) = Run(["ablate", "--presets", "q1-cnn", "--out", outDir, .. Tiny]);
        Assert.True(code == 0, stderr);
        foreach (var variant in new[] { "study", "no-clamp-defect", "no-shallow-restore", "no-double-reweighting", "no-frozen-bn-training", "all-fixed" })
        {
            Assert.Contains(variant, stdout);
            Assert.Single(RunFiles(outDir, $"q1-cnn-smoke-ablation-{variant}", ".json"));
        }
    }

    [Fact]
    public void Train_in_two_parts_with_stop_after_epoch_and_resume_equals_one_run()
    {
        string[] twoEpochs = ["train", "--preset", "q1-cnn-smoke", "--synthetic-scale", "0.02", "--epochs", "2", "--image-size", "32", "--threads", "2", "--set", "bootstrap_resamples=0"];
        string whole = RepoPaths.NewTempDir("train-whole"), parts = RepoPaths.NewTempDir("train-parts");
        var (code, _, err) = Run([.. twoEpochs, "--out", whole, "--no-checkpoints"]);
        Assert.True(code == 0, err);
        Assert.False(Directory.Exists(Path.Combine(whole, "checkpoints"))); // --no-checkpoints: none written

        (code, var stdout, err) = Run([.. twoEpochs, "--out", parts, "--stop-after-epoch", "1"]);
        Assert.True(code == 0, err);
        string checkpoint = Assert.Single(RunFiles(Path.Combine(parts, "checkpoints"), "q1-cnn-smoke", ".last.ckpt"));
        Assert.Contains("stopped after epoch 1", stdout);
        Assert.Contains("--resume " + checkpoint, stdout);
        Assert.Empty(RunFiles(parts, "q1-cnn-smoke", ".json")); // no result for half a run

        (code, _, err) = Run([.. twoEpochs, "--out", parts, "--resume", checkpoint]);
        Assert.True(code == 0, err);
        static string Predictions(string dir) => File.ReadAllText(Assert.Single(RunFiles(dir, "q1-cnn-smoke", ".test-predictions.csv")));
        Assert.Equal(Predictions(whole), Predictions(parts));

        (code, _, err) = Run([.. twoEpochs, "--out", parts, "--stop-after-epoch", "1", "--no-checkpoints"]);
        Assert.Equal(2, code);
        Assert.Contains("--stop-after-epoch needs checkpoints", err);
    }

    [Fact]
    public void Train_rejects_unknown_options_and_presets()
    {
        var (code, _, err) = Run("train", "--preset", "q1-cnn-smoke", "--epochz", "3");
        Assert.Equal(2, code);
        Assert.Contains("--epochz", err);
        (code, _, err) = Run("train", "--preset", "nope");
        Assert.Equal(1, code);
        Assert.Contains("preset 'nope' is not known", err);
    }
}
