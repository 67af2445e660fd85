namespace Repro.Reporting;

/// <summary>What <see cref="ReportBuilder.Build"/> wrote.</summary>
/// <param name="ReportPath">Absolute path of the markdown report.</param>
/// <param name="Runs">Result files the report covers.</param>
/// <param name="Figures">Absolute paths of the PNG figures written.</param>
/// <param name="Benchmarks">Benchmark rows read from BenchmarkDotNet exports.</param>
/// <param name="Notes">Files skipped and other things the reader should know (also listed in the report).</param>
/// <param name="Sweep">The sweep the results folder holds (its <c>plan.json</c> read back against the results); null when it holds none.</param>
public sealed record ReportOutcome(string ReportPath, int Runs, IReadOnlyList<string> Figures, int Benchmarks, IReadOnlyList<string> Notes,
    Repro.Sweeps.SweepCollection? Sweep = null);
