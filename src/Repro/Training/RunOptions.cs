using Repro.Runtime;

namespace Repro.Training;

/// <summary>
/// Everything about one run that is not the experiment itself: where the data is, the seed, the device,
/// where files go, and how the runtime is set up. The experiment is the <see cref="Presets.Preset"/>.
/// </summary>
public sealed record RunOptions
{
    /// <summary>Dataset folder; null = the embedded synthetic MTH416-shaped set.</summary>
    public string? DataDirectory { get; init; }
    /// <summary>Seed of the synthetic set (when <see cref="DataDirectory"/> is null).</summary>
    public int SyntheticSeed { get; init; } = 416;
    /// <summary>Scale of the synthetic set's split/class counts (1 = MTH416's counts).</summary>
    public double SyntheticScale { get; init; } = 1.0;
    /// <summary>Source harmonisation: re-encode every image at this JPEG quality (<see cref="Data.DataOptions.HarmonizeJpegQuality"/>); null = off.</summary>
    public int? HarmonizeJpegQuality { get; init; }
    /// <summary>One fold of patient-grouped cross-validation (<see cref="Data.FoldSpec"/>); null = the dataset's own splits.</summary>
    public Data.FoldSpec? Fold { get; init; }
    /// <summary>Decoded-tensor cache folder; null = the default (~/.cache/repro or $REPRO_CACHE).</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Leave unreadable image files out (and list them: the result's data summary and a warning) instead of
    /// stopping the load (<see cref="Data.DataOptions.SkipBadFiles"/>).</summary>
    public bool SkipBadFiles { get; init; }
    /// <summary>Seed of every generator in the run.</summary>
    public long Seed { get; init; } = 42;
    /// <summary>Device override (cpu, cuda, auto); null = the preset's.</summary>
    public string? Device { get; init; }
    /// <summary>Folder for the result file, predictions and checkpoints; null = write nothing.</summary>
    public string? OutputDirectory { get; init; }
    /// <summary>Write the last and best checkpoints after every epoch (when <see cref="OutputDirectory"/> is set).
    /// Off for timing runs: a ResNet18 checkpoint is ~90 MB per epoch.</summary>
    public bool WriteCheckpoints { get; init; } = true;
    /// <summary>Checkpoint to resume from (written by an earlier run of the same preset and seed).</summary>
    public string? ResumeFrom { get; init; }
    /// <summary>Stop (as if interrupted) after this epoch, leaving the checkpoint; null = run to the end.</summary>
    public int? InterruptAfterEpoch { get; init; }
    /// <summary>Runtime setup (threads, CPU ISA, determinism).</summary>
    public RuntimeOptions Runtime { get; init; } = RuntimeOptions.Default;
    /// <summary>Progress events; null = silent.</summary>
    public ITrainingObserver? Observer { get; init; }
}
