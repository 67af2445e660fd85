using Repro.Evaluation;
using Repro.Reporting;
using Repro.Results;

namespace Repro.Tests.Reporting;

[Collection("report")]
public class ReportBuilderTests
{
    private static readonly byte[] PngMagic = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private readonly ReportFixture _f;

    public ReportBuilderTests(ReportFixture fixture) => _f = fixture;

    private (ReportOutcome Outcome, string Markdown) Build(bool audit = true, bool benchmarks = true)
    {
        string out_ = Path.Combine(RepoPaths.NewTempDir("report-out"), "site", "REPORT.md");
        var outcome = ReportBuilder.Build(new ReportOptions(_f.ResultsDir, out_, audit ? _f.AuditPath : null, benchmarks ? _f.BenchmarksDir : null));
        return (outcome, File.ReadAllText(out_));
    }

    [Fact]
    public void Report_has_every_section_and_the_runs_numbers()
    {
        var (outcome, md) = Build();
        Assert.Equal(2, outcome.Runs);
        foreach (string heading in new[] { "# Repro report: MTH416 mammography study", "## 1. Dataset", "## 2. The study: Q1 vs Q2", "## 3. Across seeds",
                     "## 4. Operating point (Cancer vs rest)", "## 4b. Lesions (benign vs cancer)", "## 5. Throughput", "## 6. Runs", "### q1-cnn-smoke seed 7", "### q1-cnn-smoke seed 8" })
            Assert.Contains(heading + "\n", md);

        var run = _f.Runs[0];
        var m = run.Test;
        // The full metric table: value, bootstrap CI and both baselines on one row.
        var ci = m.Intervals![MetricNames.BalancedAccuracy];
        var baselines = RunBaselines.Of(run);
        Assert.Contains($"| balanced_accuracy | {ReportFormat.Metric(m.BalancedAccuracy)} | [{ReportFormat.Metric(ci.Lower)}, {ReportFormat.Metric(ci.Upper)}] | " +
                        $"{ReportFormat.Metric(baselines.AllNormal.BalancedAccuracy)} | {ReportFormat.Metric(baselines.Stratified!.BalancedAccuracy)} |", md);
        Assert.Contains($"| log_loss | {ReportFormat.Metric(m.LogLoss)} |", md);
        Assert.Contains("| metric | value | 95% CI | all-Normal | stratified random |", md);
        Assert.Contains("95% CIs: percentile bootstrap, 200 resamples", md);
        // Per class: support, recall with its Wilson interval.
        var cancer = m.Classes[2];
        Assert.Contains($"| cancer | {cancer.Support} | {ReportFormat.Metric(cancer.Precision)} | {ReportFormat.Metric(cancer.Recall)} | {ReportFormat.Interval(cancer.RecallCi)} |", md);
        // Confusion matrix rows.
        var row0 = m.ConfusionMatrix[0];
        Assert.Contains($"| Normal | **{row0[0]}** | {row0[1]} | {row0[2]} | {row0.Sum()} |", md);

        // Study table beside the published figures, and the baselines.
        Assert.Contains("| experiment | seeds | params | trainable | test balanced accuracy | recall N / B / C | published params | published trainable | published BA |", md);
        Assert.Contains("| 2 | 1,636,611 | 1,636,611 |", md);
        Assert.Contains("| 1,636,611 | 1,636,611 | 0.333 |", md);
        Assert.Contains("| baseline: all Normal |", md);
        Assert.Contains("| baseline: stratified random |", md);

        // Multi-seed: mean ± sd over the two seeds.
        var summary = MultiSeedSummary.Summarize(_f.Runs.Select(r => r.Test).ToList()).Metrics[MetricNames.BalancedAccuracy];
        // Two seeds: nothing left once the best and the worst are dropped (—).
        Assert.Contains($"| balanced_accuracy | {ReportFormat.MeanSd(summary)} | — | {ReportFormat.Metric(summary.Min)} | {ReportFormat.Metric(summary.Max)} | 7, 8 |", md);

        // Lesions: AUC with its patient-bootstrap interval, and the lesion operating point's test sensitivity.
        var lesion = m.Lesion!;
        Assert.Contains($"| {lesion.N} ({lesion.Benign} / {lesion.Cancer}) | {lesion.Patients} | " +
                        $"{ReportFormat.WithInterval(lesion.RocAuc, lesion.Intervals![LesionMetrics.RocAuc])} | " +
                        $"{ReportFormat.WithInterval(lesion.BalancedAccuracy, lesion.Intervals[LesionMetrics.BalancedAccuracy])} | " +
                        $"{ReportFormat.Number(run.LesionOperatingPoint!.Threshold, 4)} | " +
                        $"{ReportFormat.WithInterval(run.LesionOperatingPoint.Test.Sensitivity, run.LesionOperatingPoint.Test.SensitivityCi)} |", md);

        // Operating point.
        if (run.OperatingPoint is { } op)
            Assert.Contains($"| {ReportFormat.Number(op.TargetSpecificity, 2)} | {ReportFormat.Number(op.Threshold, 4)} |", md);

        // Throughput: runs and the benchmark export (images/s metric; OperationsPerInvoke → 1e9 / mean).
        Assert.Contains($"| {ReportFormat.Number(run.Timings.TrainImagesPerSecond, 1)} |", md);
        Assert.Contains("| TrainStep.Step | Preset=q1-cnn-smoke&Batch=32 | 42.500 ms | 812.346 µs | 23.5 | 752.9 | 200.00 KiB |", md);
        // real 0.15.8 exports: images/s from the Batch parameter (32 / 0.16 s), or from images counted as operations
        Assert.Contains("| FastPathBenchmarks.TrainingStep | Batch=32&Device=cpu&Size=64&Config=flat | 160.000 ms | 2.000 ms | 6.2 | 200.0 |", md);
        Assert.Contains("| EpochBenchmarks.TrainOneEpoch | Device=cpu | 6.250 ms | 0.0 ns | 160.0 | 160.0 |", md);
        Assert.Contains("| Decode.Png |  | 250.000 µs | 1.000 µs | 4000.0 | 4000.0 | — |", md);
        Assert.Equal(4, outcome.Benchmarks);
    }

    [Fact]
    public void Dataset_section_comes_from_the_audit_and_names_patients_leakage_and_the_probe()
    {
        var (_, md) = Build();
        Assert.Contains("| split | class | images | % of split | patients |", md);
        Assert.Contains("| train | normal | 107 |", md);
        Assert.Contains("patients in both train and test", md);
        Assert.Contains("| probe | features | train BA | val BA | test BA | test recall N / B / C |", md);
        Assert.Contains("| all_trivial |", md);
        Assert.Contains("baseline: source-shortcut probe (all_trivial, audit)", md);
    }

    [Fact]
    public void Without_an_audit_the_counts_come_from_the_result_files()
    {
        var (_, md) = Build(audit: false, benchmarks: false);
        Assert.Contains("No audit given", md);
        var counts = _f.Runs[0].Data.Counts["test"];
        Assert.Contains($"| test | {counts[0]} | {counts[1]} | {counts[2]} | {counts.Sum()} | q1-cnn-smoke |", md);
        Assert.Contains("No BenchmarkDotNet results given.", md);
    }

    [Fact]
    public void Figures_are_valid_pngs_linked_by_relative_path_and_nothing_temporary_is_left()
    {
        var (outcome, md) = Build();
        string dir = Path.GetDirectoryName(outcome.ReportPath)!;
        Assert.Equal(8, outcome.Figures.Count);   // confusion, roc, pr, training × 2 runs
        foreach (string figure in outcome.Figures)
        {
            byte[] bytes = File.ReadAllBytes(figure);
            Assert.True(bytes.Length > 2000, $"{figure}: {bytes.Length} bytes");
            Assert.Equal(PngMagic, bytes[..8]);
            string relative = Path.GetRelativePath(dir, figure).Replace('\\', '/');
            Assert.StartsWith("figures/", relative);
            Assert.Contains($"]({relative})", md);
        }
        Assert.Empty(Directory.GetFileSystemEntries(dir, ".*", SearchOption.AllDirectories));
        Assert.Equal(new[] { "REPORT.md", "figures" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Other_json_in_the_results_folder_is_tolerated()
    {
        var (outcome, md) = Build();
        Assert.Equal(2, outcome.Runs);
        Assert.DoesNotContain("notes.json", md);
        Assert.DoesNotContain("list.json", md);
        // A file that claims to be a result but does not read is skipped with a note.
        string dir = RepoPaths.NewTempDir("report-bad");
        File.Copy(Path.Combine(_f.ResultsDir, ResultFile.FileName(ReportFixture.Tiny.Name, 7)), Path.Combine(dir, "good.json"));
        File.WriteAllText(Path.Combine(dir, "future.json"),
            File.ReadAllText(Path.Combine(dir, "good.json")).Replace("\"schema_version\": 1", "\"schema_version\": 99", StringComparison.Ordinal));
        var bad = ReportBuilder.Build(new ReportOptions(dir, Path.Combine(dir, "out", "REPORT.md")));
        Assert.Equal(1, bad.Runs);
        Assert.Contains(bad.Notes, n => n.Contains("future.json", StringComparison.Ordinal) && n.Contains("schema 99", StringComparison.Ordinal));
        Assert.Contains("future.json", File.ReadAllText(bad.ReportPath));
    }

    [Fact]
    public void No_result_files_is_a_clear_error_and_writes_nothing()
    {
        string dir = RepoPaths.NewTempDir("report-empty");
        File.WriteAllText(Path.Combine(dir, "other.json"), "{\"Benchmarks\": []}");
        string out_ = Path.Combine(dir, "REPORT.md");
        var e = Assert.Throws<NoResultsException>(() => ReportBuilder.Build(new ReportOptions(dir, out_)));
        Assert.Equal($"no result files under {dir}; run `repro reproduce` or `repro train` first", e.Message);
        Assert.False(File.Exists(out_));
        Assert.Throws<NoResultsException>(() => ReportBuilder.Build(new ReportOptions(Path.Combine(dir, "missing"), out_)));
    }

    [Fact]
    public void Rebuilding_replaces_the_report_whole()
    {
        string dir = RepoPaths.NewTempDir("report-again");
        string out_ = Path.Combine(dir, "REPORT.md");
        ReportBuilder.Build(new ReportOptions(_f.ResultsDir, out_));
        string first = File.ReadAllText(out_);
        ReportBuilder.Build(new ReportOptions(_f.ResultsDir, out_));
        Assert.Equal(first, File.ReadAllText(out_));
    }
}
