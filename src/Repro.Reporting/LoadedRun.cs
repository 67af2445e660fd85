using Repro.Results;

namespace Repro.Reporting;

/// <summary>One result file read for the report.</summary>
/// <param name="RelativePath">Path below the results folder, with forward slashes.</param>
/// <param name="Key">File-name-safe unique name of the run (figure names and anchors start with it).</param>
/// <param name="Result">The run's result.</param>
/// <param name="Experiment">The catalogue entry it belongs to, when read from snapshots.</param>
public sealed record LoadedRun(string RelativePath, string Key, RunResult Result, string? Experiment = null)
{
    /// <summary>A short label: preset and seed, e.g. <c>q1-cnn seed 42</c>.</summary>
    public string Label => $"{Result.Preset} seed {Result.Seed}";
}
