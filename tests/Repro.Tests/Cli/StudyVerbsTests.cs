namespace Repro.Tests.Cli;

/// <summary>The multi-run verbs end to end on a tiny synthetic set (1 epoch, 32 px).</summary>
public class StudyVerbsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        TestRuntime.Init();
        return CliRunner.Run(args);
    }

    private static readonly string[] Tiny =
        { "--synthetic-scale", "0.02", "--epochs", "1", "--image-size", "32", "--threads", "2", "--set", "bootstrap_resamples=0" };

    [Fact]
    public void Reproduce_prints_the_study_table_beside_the_report_and_baselines()
    {
        string outDir = RepoPaths.NewTempDir("reproduce");
        var (code, stdout, stderr) = Run(["reproduce", "--out", outDir, .. Tiny]);
        Assert.True(code == 0, stderr);
        Assert.Contains("q1-cnn-smoke", stdout);
        Assert.Contains("q2-resnet-smoke", stdout);
        Assert.Contains("1,636,611", stdout);
        Assert.Contains("0.333", stdout);   // the report's Q1 balanced accuracy
        Assert.Contains("0.328", stdout);   // the report's Q2 balanced accuracy
        Assert.Contains("baseline: all Normal", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "q1-cnn-smoke-seed42.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "q2-resnet-smoke-seed42.json")));
        Assert.Contains("epoch  1/1", stderr); // progress per epoch
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
            Assert.True(File.Exists(Path.Combine(outDir, $"q1-cnn-smoke-ablation-{variant}-seed42.json")), variant);
        }
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
