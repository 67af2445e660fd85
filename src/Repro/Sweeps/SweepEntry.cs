namespace Repro.Sweeps;

/// <summary>
/// One run of a sweep: a complete <c>repro train</c> invocation and where its result lands. Paths are relative to
/// the plan's folder (forward slashes), so the same plan gives the same result paths on any machine.
/// </summary>
public sealed record SweepEntry
{
    /// <summary>Position in the plan, from 0 (Slurm's <c>SLURM_ARRAY_TASK_ID</c>, Kubernetes' <c>JOB_COMPLETION_INDEX</c>).</summary>
    public required int Index { get; init; }
    /// <summary>Preset name.</summary>
    public required string Preset { get; init; }
    /// <summary>Overrides applied to the preset, in order (<c>path=value</c>).</summary>
    public required IReadOnlyList<string> Overrides { get; init; }
    /// <summary>Settings hash of the resolved preset: a result with another hash is not this entry's.</summary>
    public required string SettingsHash { get; init; }
    /// <summary>The run's seed.</summary>
    public required long Seed { get; init; }
    /// <summary>Cross-validation fold (0-based) of <see cref="Folds"/>; null = the fixed split.</summary>
    public int? Fold { get; init; }
    /// <summary>Number of cross-validation folds; null = the fixed split.</summary>
    public int? Folds { get; init; }
    /// <summary>Seed of the patient-grouped fold assignment (<see cref="Data.PatientFolds"/>); null = the fixed split.</summary>
    public ulong? FoldSeed { get; init; }
    /// <summary>Folder for the run's result, predictions and checkpoints (relative to the plan's folder).</summary>
    public required string Output { get; init; }
    /// <summary>The result file (relative to the plan's folder).</summary>
    public required string Result { get; init; }
    /// <summary>The same run as a <c>repro train</c> command line, run from the plan's folder; null for a
    /// cross-validation fold (<c>repro train</c> has no fold option: <c>repro run</c> runs it).</summary>
    public IReadOnlyList<string>? TrainArgs { get; init; }

    /// <summary>The held-out fold as the data option a run takes; null for the fixed split.</summary>
    public Data.FoldSpec? FoldSpec => Fold is { } k && Folds is { } n ? new Data.FoldSpec(n, k, FoldSeed ?? Data.PatientFolds.DefaultSeed) : null;
}
