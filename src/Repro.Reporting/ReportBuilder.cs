using Repro.IO;
using System.Globalization;
using System.Text;
using Repro.Data.Audit;
using Repro.Results;
using Repro.Sweeps;

namespace Repro.Reporting;

/// <summary>
/// Turns a folder of result files (plus, optionally, the dataset audit JSON and BenchmarkDotNet's JSON exports)
/// into <c>REPORT.md</c> and <c>figures/*.png</c> beside it. Every number comes from those files.
/// Nothing is half-written: the report and its figures are first made in a temporary folder beside the output,
/// then each figure is renamed into place and REPORT.md last, so a reader sees the old report or the whole new one.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Builds the report described by <paramref name="options"/>.</summary>
    /// <exception cref="NoResultsException">No result file under the results folder.</exception>
    /// <exception cref="FileNotFoundException">The audit file was given but does not exist.</exception>
    public static ReportOutcome Build(ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string reportPath = Path.GetFullPath(options.OutputPath);
        string outDir = Path.GetDirectoryName(reportPath)!;
        string figuresDir = Path.Combine(outDir, ReportOptions.FiguresFolder);
        var notes = new List<string>();

        if (options.FromSnapshots) return BuildFromSnapshots(options, reportPath, outDir, notes);
        if (options.ReadmePath is not null) throw new ArgumentException("the README table is made from snapshots only (FromSnapshots)", nameof(options));
        var exclude = new List<string> { reportPath, figuresDir };
        if (options.AuditPath is not null) exclude.Add(Path.GetFullPath(options.AuditPath));
        if (options.BenchmarksDirectory is not null) exclude.Add(Path.GetFullPath(options.BenchmarksDirectory));
        var sweep = SweepPlan.IsSweep(options.ResultsDirectory) ? SweepCollection.Collect(options.ResultsDirectory) : null;
        var runs = ResultScanner.Scan(options.ResultsDirectory, exclude, notes);
        if (runs.Count == 0) throw new NoResultsException(options.ResultsDirectory);

        AuditReport? audit = null;
        if (options.AuditPath is not null)
        {
            if (!File.Exists(options.AuditPath)) throw new FileNotFoundException($"audit file {options.AuditPath} does not exist (make it with `repro audit --json --out FILE`)", options.AuditPath);
            audit = AuditReport.Read(options.AuditPath);
        }
        var benchmarks = BenchmarkReader.Read(options.BenchmarksDirectory, notes);

        // Draw every figure in memory first: a failure here leaves the old report untouched.
        var figures = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var run in runs) DrawFigures(run, figures, notes);

        var ctx = new ReportContext(runs, RunGroup.Of(runs), audit, Display(outDir, options.AuditPath), benchmarks,
            Display(outDir, options.BenchmarksDirectory), Display(outDir, options.ResultsDirectory)!, figures.Keys.ToHashSet(StringComparer.Ordinal), notes);
        string markdown = Markdown(ctx, sweep);

        Publish(outDir, reportPath, figures, markdown);
        return new ReportOutcome(reportPath, runs.Count,
            figures.Keys.Select(f => Path.Combine(outDir, f.Replace('/', Path.DirectorySeparatorChar))).ToList(), benchmarks.Count, notes, sweep);
    }

    /// <summary>
    /// The report of the catalogue's verified snapshots: inputs named relative to the repository (the snapshots folder's
    /// parent), so the Markdown is the same wherever it is written; the README table too when asked.
    /// </summary>
    private static ReportOutcome BuildFromSnapshots(ReportOptions options, string reportPath, string outDir, List<string> notes)
    {
        var loaded = SnapshotRuns.Load(options.ResultsDirectory, notes);
        if (loaded.Runs.Count == 0) throw new NoResultsException(options.ResultsDirectory);
        var benchmarks = BenchmarkReader.Read(options.BenchmarksDirectory, notes);
        var figures = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var run in loaded.Runs) DrawFigures(run, figures, notes);
        string markdown = Markdown(SnapshotContext(options.ResultsDirectory, options.BenchmarksDirectory, loaded, benchmarks,
            figures.Keys.ToHashSet(StringComparer.Ordinal), notes), null);
        Publish(outDir, reportPath, figures, markdown);
        if (options.ReadmePath is not null)
        {
            ReadmeTable.Update(options.ReadmePath, ReadmeTable.Markdown(loaded.Runs, loaded.Audit, loaded.Experiments, loaded.CrossValidations));
            ReadmeTable.Update(options.ReadmePath, LesionHeadline.Markdown(loaded.Runs, loaded.CrossValidations, loaded.Experiments),
                LesionHeadline.Begin, LesionHeadline.End);
        }
        return new ReportOutcome(reportPath, loaded.Runs.Count,
            figures.Keys.Select(f => Path.Combine(outDir, f.Replace('/', Path.DirectorySeparatorChar))).ToList(), benchmarks.Count, notes);
    }

    /// <summary>
    /// The Markdown <see cref="Build"/> writes for the catalogue's verified snapshots in <paramref name="snapshotsDirectory"/>,
    /// without drawing or writing anything (every run's figures counted as drawn): what the committed report must say.
    /// </summary>
    public static string SnapshotMarkdown(string snapshotsDirectory, string? benchmarksDirectory)
    {
        var notes = new List<string>();
        var loaded = SnapshotRuns.Load(snapshotsDirectory, notes);
        var benchmarks = BenchmarkReader.Read(benchmarksDirectory, notes);
        var figures = loaded.Runs.SelectMany(r => new[] { "confusion", "roc", "pr", "training" }
            .Where(k => (k is not ("roc" or "pr") || r.Result.TestPredictions.Count > 0) && (k != "training" || r.Result.History.Count > 0))
            .Select(k => ReportContext.FigurePath(r, k))).ToHashSet(StringComparer.Ordinal);
        return Markdown(SnapshotContext(snapshotsDirectory, benchmarksDirectory, loaded, benchmarks, figures, notes), null);
    }

    /// <summary>The context of a snapshot report: inputs named relative to the repository (the snapshots folder's parent).</summary>
    private static ReportContext SnapshotContext(string snapshotsDirectory, string? benchmarksDirectory, SnapshotRuns.Loaded loaded,
        IReadOnlyList<BenchmarkResult> benchmarks, IReadOnlySet<string> figures, List<string> notes)
    {
        string snapshots = Path.GetFullPath(snapshotsDirectory);
        string repo = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(snapshots))!;
        string Repo(string path) => Path.GetRelativePath(repo, Path.GetFullPath(path)).Replace('\\', '/');
        return new ReportContext(loaded.Runs, RunGroup.Of(loaded.Runs), loaded.Audit,
            loaded.AuditFile is null ? null : $"{Repo(snapshots)}/{loaded.AuditFile}", benchmarks,
            benchmarksDirectory is null ? null : Repo(benchmarksDirectory), Repo(snapshots) + "/", figures, notes, loaded.Experiments, loaded.CrossValidations);
    }

    private static void DrawFigures(LoadedRun run, IDictionary<string, byte[]> figures, List<string> notes)
    {
        var r = run.Result;
        string title = $"{r.Preset}, seed {r.Seed.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            figures[ReportContext.FigurePath(run, "confusion")] = ReportFigures.ConfusionMatrix(r.Test.ConfusionMatrix, $"{title}: test confusion matrix");
            if (r.TestPredictions.Count > 0)
            {
                figures[ReportContext.FigurePath(run, "roc")] = ReportFigures.RocCurves(r.TestPredictions, $"{title}: test ROC (one vs rest)");
                figures[ReportContext.FigurePath(run, "pr")] = ReportFigures.PrecisionRecallCurves(r.TestPredictions, $"{title}: test precision-recall");
            }
            if (r.History.Count > 0)
                figures[ReportContext.FigurePath(run, "training")] = ReportFigures.TrainingCurves(r.History, r.BestEpoch, $"{title}: training");
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or InvalidOperationException or ArgumentException)
        {
            notes.Add($"figures of {run.RelativePath} not drawn: {e.GetBaseException().Message}");
        }
    }

    private static string Markdown(ReportContext ctx, SweepCollection? sweep)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("# Repro report: MTH416 mammography study\n\n");
        sb.Append(ctx.Experiments is null
            ? $"Made by `repro report` from {ctx.Runs.Count.ToString(inv)} result file(s) under `{ctx.ResultsSource}`"
            : $"Made by `dotnet build build/Report.proj -t:Report` from the verified snapshots of {ctx.Runs.Count.ToString(inv)} run(s) under `{ctx.ResultsSource}` (the experiment catalogue's; `dotnet test` re-derives them)");
        if (ctx.AuditSource is not null) sb.Append($", the dataset audit `{ctx.AuditSource}`");
        if (ctx.Benchmarks.Count > 0) sb.Append($" and {ctx.Benchmarks.Count.ToString(inv)} BenchmarkDotNet case(s) from `{ctx.BenchmarksSource}`");
        sb.Append(". Every number below is read from those files; test metrics follow scikit-learn's definitions, " +
                  "CIs are 95% (bootstrap percentile for headline metrics, Wilson for per-class recall and specificity).\n\n");
        sb.Append("Contents: [1. Dataset](#1-dataset) · [2. The study: Q1 vs Q2](#2-the-study-q1-vs-q2) · [3. Across seeds](#3-across-seeds) · " +
                  "[4. Operating point](#4-operating-point-cancer-vs-rest) · [4b. Lesions](#4b-lesions-benign-vs-cancer) · " +
                  (ctx.Experiments is null ? "" : "[4c. Lesion headline](#4c-lesion-headline-test-split-over-seeds-and-cross-validation) · ") + "[5. Throughput](#5-throughput) · [6. Runs](#6-runs)\n\n");
        if (sweep is not null) SweepSection.Write(sb, sweep);
        if (ctx.Experiments is not null) ExperimentsSection.Write(sb, ctx.Experiments);
        DatasetSection.Write(sb, ctx);
        StudySection.Write(sb, ctx);
        MultiSeedSection.Write(sb, ctx);
        OperatingPointSection.Write(sb, ctx);
        LesionSection.Write(sb, ctx);
        if (ctx.Experiments is not null) LesionHeadlineSection.Write(sb, ctx.Runs, ctx.CrossValidations ?? [], ctx.Experiments);
        ThroughputSection.Write(sb, ctx);
        sb.Append("## 6. Runs\n\n");
        sb.Append("Each run's test metrics in full, beside the all-Normal and stratified-random baselines on the same test images; " +
                  "figures: confusion-matrix heat map (colour = fraction of the true class), one-vs-rest ROC and precision-recall curves per class (dotted: the class's prevalence, a random score's precision), training curves (loss left, validation balanced accuracy right; dotted: the best epoch).\n\n");
        foreach (var run in ctx.Runs) RunSection.Write(sb, ctx, run);
        if (ctx.Notes.Count > 0)
        {
            sb.Append("## Notes\n\n");
            foreach (string n in ctx.Notes) sb.Append($"- {n}\n");
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Stages everything in a temporary folder beside the output, then renames each file into place, REPORT.md last.</summary>
    private static void Publish(string outDir, string reportPath, IReadOnlyDictionary<string, byte[]> figures, string markdown)
    {
        Directory.CreateDirectory(outDir);
        string stage = Path.Combine(outDir, $".report-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.tmp");
        try
        {
            foreach (var (relative, bytes) in figures)
                AtomicFile.WriteAllBytes(Path.Combine(stage, relative), bytes);
            string stagedReport = Path.Combine(stage, Path.GetFileName(reportPath));
            AtomicFile.WriteAllText(stagedReport, markdown);

            foreach (string relative in figures.Keys)
            {
                string target = Path.Combine(outDir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(stage, relative), target, overwrite: true);
            }
            File.Move(stagedReport, reportPath, overwrite: true);
        }
        finally
        {
            try { if (Directory.Exists(stage)) Directory.Delete(stage, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string? Display(string outDir, string? path)
    {
        if (path is null) return null;
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(outDir, full).Replace('\\', '/');
        return relative.StartsWith("../../", StringComparison.Ordinal) ? full : relative;
    }
}
