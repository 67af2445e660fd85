namespace Repro.Sweeps;

/// <summary>
/// The grid a user asks for: presets × folds × seeds, with the same overrides and run options for every entry.
/// <see cref="SweepPlanner.Expand"/> turns it into a <see cref="SweepPlan"/>.
/// </summary>
public sealed record SweepRequest
{
    /// <summary>Preset names, in the order the plan lists them.</summary>
    public required IReadOnlyList<string> Presets { get; init; }
    /// <summary>Seeds, in the order the plan lists them.</summary>
    public required IReadOnlyList<long> Seeds { get; init; }
    /// <summary>Cross-validation folds per preset and seed; null = the fixed train/val/test split.</summary>
    public int? Folds { get; init; }
    /// <summary>Seed of the patient-grouped fold assignment (the recorded one by default).</summary>
    public ulong FoldSeed { get; init; } = Data.PatientFolds.DefaultSeed;
    /// <summary>Preset overrides (<c>path=value</c>, as <c>--set</c>), applied to every preset in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Overrides { get; init; } = Array.Empty<KeyValuePair<string, string>>();
    /// <summary>Dataset folder; null = the embedded synthetic set.</summary>
    public string? DataDirectory { get; init; }
    /// <summary>Scale of the synthetic set (when <see cref="DataDirectory"/> is null).</summary>
    public double SyntheticScale { get; init; } = 0.25;
    /// <summary>Device of every run (cpu, cuda, auto); null = each preset's.</summary>
    public string? Device { get; init; }
    /// <summary>Per-epoch checkpoints (needed by <c>repro predict</c>).</summary>
    public bool WriteCheckpoints { get; init; } = true;
    /// <summary>Leave unreadable image files out (counted and listed in each result) instead of stopping the load.</summary>
    public bool SkipBadFiles { get; init; }
    /// <summary>Intra-op threads of every run: results are bit-identical only at the same count.</summary>
    public int Threads { get; init; } = 2;
    /// <summary>CPU instruction set of every run (avx2 gives the same bits on every AVX2 machine).</summary>
    public string CpuIsa { get; init; } = "avx2";
    /// <summary>Deterministic algorithms.</summary>
    public bool Deterministic { get; init; } = true;
}
