using Repro.Evaluation;
using Repro.Experiments;
using Repro.Reporting;

namespace Repro.Tests.Reporting;

/// <summary>README's lesion headline and the report's section 4c, from hand-made snapshots with known numbers.</summary>
[Collection("report")]
public class LesionHeadlineTests
{
    private readonly ReportFixture _f;

    public LesionHeadlineTests(ReportFixture fixture) => _f = fixture;

    private static ConfidenceInterval Ci(double lower, double upper) => new(lower, upper);

    /// <summary>A metric report with the numbers the headline shows set by hand.</summary>
    private static MetricReport Report(double ba, double normalRecall, double auc, double lesionBa, int benign, int cancer, bool intervals)
    {
        var classes = new[] { "normal", "benign", "cancer" }.Select((name, i) => new ClassMetrics(name, 10, 0.5, i == 0 ? normalRecall : 0.5, 0.5, 0.5, 0.5, null, null,
            i == 0 ? Ci(normalRecall - 0.02, normalRecall + 0.01) : null, null)).ToList();
        var lesion = new LesionReport(benign + cancer, benign, cancer, 197, auc, lesionBa, 0.5, Ci(0.4, 0.6), 0.5, Ci(0.4, 0.6),
            intervals ? new Dictionary<string, ConfidenceInterval> { [LesionMetrics.RocAuc] = Ci(auc - 0.07, auc + 0.07), [LesionMetrics.BalancedAccuracy] = Ci(lesionBa - 0.06, lesionBa + 0.06) } : null);
        return new MetricReport(3071, 0.8, ba, 0.5, 0.5, 0.3, null, 0.4, 0.9, 0.05, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], classes,
            intervals ? new Dictionary<string, ConfidenceInterval> { [MetricNames.BalancedAccuracy] = Ci(ba - 0.05, ba + 0.04) } : null, null, lesion);
    }

    private static ExperimentStatus Status(string name, bool verified) => new(ExperimentCatalogue.Get(name), [], verified);

    [Fact]
    public void The_headline_renders_seeds_one_run_and_cross_validation_and_says_what_is_not_verified()
    {
        // improved over ten seeds: balanced accuracy 0.60, 0.62, …, 0.78 (mean 0.690, sd 0.061), lesion AUC 0.50 … 0.59 (mean 0.545).
        var runs = ExperimentCatalogue.Seeds.Select((seed, i) => new LoadedRun($"improved.seed{seed}.verified.json", $"improved.seed{seed}",
            _f.Runs[0] with { Seed = seed, Test = Report(0.60 + 0.02 * i, 0.9, 0.50 + 0.01 * i, 0.55, 20, 18, intervals: seed == 42) }, "improved")).ToList();
        var cv = new CrossValidationResult("improved", "abc", 42, "mth416", 5,
            [new CrossValidationRepeat(42, [new CrossValidationFold(0, 1800, 650, 615, 12, 0.701, 0.644, 0.572)], Report(0.624, 0.903, 0.601, 0.567, 226, 166, intervals: true))], null);
        var statuses = ExperimentCatalogue.All.Select(e => Status(e.Name, e.Name is "improved" or "cv-improved")).ToList();
        var loadedCv = new List<LoadedCrossValidation> { new("cv-improved", "cv-improved.verified.json", cv) };

        string md = LesionHeadline.Markdown(runs, loadedCv, statuses);
        string[] lines = md.Split('\n');
        Assert.Equal("| evaluation | data | lesion images (benign / cancer) | 3-class balanced accuracy | Normal recall | lesion ROC AUC | lesion balanced accuracy | verified by |", lines[0]);
        Assert.Equal("| `improved`, study test split, seeds 42–51: mean ± sd (without best and worst) | original | 38 (20 / 18) | 0.690 ± 0.061 (0.690) | 0.900 ± 0.000 (0.900) | 0.545 ± 0.030 (0.545) | 0.550 ± 0.000 (0.550) | cpu: `dotnet test` |", lines[2]);
        Assert.Equal("| `improved-harmonized`, study test split, 10 seeds: mean ± sd (without best and worst) | harmonised | — | — | — | — | — | cpu: not yet verified |", lines[3]);
        Assert.Equal("| `improved-v2`, study test split, 10 seeds: mean ± sd (without best and worst) | original | — | — | — | — | — | long: not yet verified |", lines[4]);
        Assert.Equal("| `improved-v2-harmonized`, study test split, 10 seeds: mean ± sd (without best and worst) | harmonised | — | — | — | — | — | long: not yet verified |", lines[5]);
        Assert.Equal("| `improved` seed 42, study test split: one run [95% CI] | original | 38 (20 / 18) | 0.600 [0.550, 0.640] | 0.900 [0.880, 0.910] | 0.500 [0.430, 0.570] | 0.550 [0.490, 0.610] | cpu: `dotnet test` |", lines[6]);
        Assert.Equal("| `improved-harmonized` seed 42, study test split: one run [95% CI] | harmonised | — | — | — | — | — | cpu: not yet verified |", lines[7]);
        Assert.Equal("| `cv-improved`, patient-grouped 5-fold CV, out-of-fold pooled [95% CI] | original | 392 (226 / 166) | 0.624 [0.574, 0.664] | 0.903 [0.883, 0.913] | 0.601 [0.531, 0.671] | 0.567 [0.507, 0.627] | cpu: `dotnet test` |", lines[10]);
        Assert.Equal("| `cv-improved-harmonized`, patient-grouped 5-fold CV, out-of-fold pooled [95% CI] | harmonised | — | — | — | — | — | cpu: not yet verified |", lines[11]);
        Assert.Equal("| `cv-improved-v2`, patient-grouped 5-fold CV, out-of-fold pooled [95% CI] | original | — | — | — | — | — | long: not yet verified |", lines[12]);

        string folds = LesionHeadline.FoldsMarkdown(loadedCv, statuses);
        Assert.Contains("| `cv-improved` | original | 1 of 5 (fold seed 42) | 1800 / 650 / 615 | 12 | 0.701 | 0.644 | 0.572 |\n", folds);
        Assert.Contains("| `cv-improved` | original | pooled out-of-fold | — / — / 3071 | — | — | 0.624 [0.574, 0.664] | 0.601 [0.531, 0.671] |\n", folds);
        Assert.Contains("| `cv-improved-harmonized` | harmonised | — |", folds);
    }

    [Fact]
    public void A_cross_validation_snapshot_is_read_back_and_its_block_replaces_only_the_lesion_markers()
    {
        string dir = RepoPaths.NewTempDir("headline-snapshots");
        var cv = new CrossValidationResult("improved", "abc", 42, "mth416", 5,
            [new CrossValidationRepeat(42, [], Report(0.624, 0.903, 0.601, 0.567, 226, 166, intervals: true))], null);
        File.WriteAllText(Path.Combine(dir, "cv-improved.verified.json"), CrossValidationSnapshot.Json(cv));
        var loaded = SnapshotRuns.Load(dir, new List<string>());
        Assert.Empty(loaded.CrossValidations); // the out-of-fold predictions are missing: not verified
        File.WriteAllText(Path.Combine(dir, "cv-improved.oof-predictions.verified.csv"), "id,label,p_normal,p_benign,p_cancer,group\n");
        loaded = SnapshotRuns.Load(dir, new List<string>());
        var read = Assert.Single(loaded.CrossValidations);
        Assert.Equal(("cv-improved", 0.601), (read.Experiment, read.Result.Repeats[0].Pooled.Lesion!.RocAuc));
        Assert.True(loaded.Experiments.Single(s => s.Experiment.Name == "cv-improved").Verified);
        Assert.Contains("| `cv-improved`: 5-fold CV, out-of-fold pooled (`improved`) | 0.624 [0.574, 0.664] | 0.90 / 0.50 / 0.50 | cpu: `dotnet test` |",
            ReadmeTable.Markdown(loaded.Runs, loaded.Audit, loaded.Experiments, loaded.CrossValidations));

        string block = LesionHeadline.Markdown(loaded.Runs, loaded.CrossValidations, loaded.Experiments);
        string text = $"a\n{ReadmeTable.Begin}\n| results |\n{ReadmeTable.End}\nb\n{LesionHeadline.Begin}\nold\n{LesionHeadline.End}\nc\n";
        string replaced = ReadmeTable.Replace(text, block, "README.md", LesionHeadline.Begin, LesionHeadline.End);
        Assert.Equal($"a\n{ReadmeTable.Begin}\n| results |\n{ReadmeTable.End}\nb\n{LesionHeadline.Begin}\n{block}{LesionHeadline.End}\nc\n", replaced);
        Assert.Equal(block, ReadmeTable.Current(replaced, "README.md", LesionHeadline.Begin, LesionHeadline.End));
        Assert.Equal("| results |\n", ReadmeTable.Current(replaced, "README.md"));
        Assert.Throws<InvalidDataException>(() => ReadmeTable.Current($"{ReadmeTable.Begin}\n{ReadmeTable.End}\n", "X.md", LesionHeadline.Begin, LesionHeadline.End));
    }
}
