using Repro.Data.Audit;

namespace Repro.Reporting;

/// <summary>Everything the report's sections read: the runs, their groups, the audit, the benchmarks, and the figures drawn.</summary>
/// <param name="Runs">Result files, in path order.</param>
/// <param name="Groups">Runs grouped by experiment.</param>
/// <param name="Audit">The dataset audit; null when none was given.</param>
/// <param name="AuditSource">How the report names the audit file.</param>
/// <param name="Benchmarks">Benchmark cases.</param>
/// <param name="BenchmarksSource">How the report names the benchmarks folder; null when none was given.</param>
/// <param name="ResultsSource">How the report names the results folder.</param>
/// <param name="Figures">Relative paths (from the report) of the figures drawn.</param>
/// <param name="Notes">Skipped files and other remarks.</param>
/// <param name="Experiments">The catalogue entries and what verified them, when the report renders snapshots; null for result files.</param>
/// <param name="CrossValidations">The verified cross-validation entries, when the report renders snapshots.</param>
internal sealed record ReportContext(
    IReadOnlyList<LoadedRun> Runs,
    IReadOnlyList<RunGroup> Groups,
    AuditReport? Audit,
    string? AuditSource,
    IReadOnlyList<BenchmarkResult> Benchmarks,
    string? BenchmarksSource,
    string ResultsSource,
    IReadOnlySet<string> Figures,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExperimentStatus>? Experiments = null,
    IReadOnlyList<LoadedCrossValidation>? CrossValidations = null)
{
    /// <summary>The relative path of a run's figure of <paramref name="kind"/> (confusion, roc, pr, training).</summary>
    public static string FigurePath(LoadedRun run, string kind) => $"{ReportOptions.FiguresFolder}/{run.Key}-{kind}.png";

    /// <summary>The markdown anchor of a run's section.</summary>
    public static string Anchor(LoadedRun run) => "run-" + run.Key.ToLowerInvariant().Replace('.', '-').Replace('_', '-');

    /// <summary>The audit's shortcut probe on all trivial features, when the audit ran one.</summary>
    public ShortcutProbe? ShortcutProbe => Audit?.ShortcutProbes.FirstOrDefault(p => p.Name == "all_trivial") ?? Audit?.ShortcutProbes.FirstOrDefault();
}
