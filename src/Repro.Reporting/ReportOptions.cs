namespace Repro.Reporting;

/// <summary>What <see cref="ReportBuilder"/> reads and where it writes.</summary>
/// <param name="ResultsDirectory">Folder searched recursively for result files (<c>*.json</c> whose schema is a <see cref="Repro.Results.RunResult"/>).</param>
/// <param name="OutputPath">The markdown file to write; figures go to <c>figures/</c> beside it.</param>
/// <param name="AuditPath">The dataset audit JSON (<c>repro audit --json --out FILE</c>); null = none.</param>
/// <param name="BenchmarksDirectory">BenchmarkDotNet results folder (<c>*-report-full.json</c> / <c>*-report.json</c>); null or missing = none.</param>
/// <param name="FromSnapshots">True: <paramref name="ResultsDirectory"/> is the repository's <c>snapshots/</c> and the report renders the
/// catalogue's verified snapshots (<see cref="SnapshotRuns"/>), the audit included, naming inputs by repository-relative paths.</param>
/// <param name="ReadmePath">A README whose results table (between <see cref="ReadmeTable.Begin"/> and <see cref="ReadmeTable.End"/>)
/// and lesion headline (between <see cref="LesionHeadline.Begin"/> and <see cref="LesionHeadline.End"/>) are rewritten from the same
/// snapshots; null = none. Only with <paramref name="FromSnapshots"/>.</param>
public sealed record ReportOptions(string ResultsDirectory, string OutputPath = "REPORT.md", string? AuditPath = null,
    string? BenchmarksDirectory = null, bool FromSnapshots = false, string? ReadmePath = null)
{
    /// <summary>Name of the figures folder beside the report.</summary>
    public const string FiguresFolder = "figures";
}
