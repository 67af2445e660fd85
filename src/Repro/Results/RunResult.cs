using Repro.Evaluation;
using Repro.Models;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Results;

/// <summary>
/// Everything one training run produced, as written to its result file (JSON). Every number a user sees —
/// the CLI table, the snapshot, the report — is read from here, so they cannot disagree.
/// </summary>
public sealed record RunResult
{
    /// <summary>Version of this file's layout.</summary>
    public int SchemaVersion { get; init; } = 1;
    /// <summary>Preset name.</summary>
    public required string Preset { get; init; }
    /// <summary>The fully resolved preset (after overrides).</summary>
    public required Preset Settings { get; init; }
    /// <summary>Hash of <see cref="Settings"/> (12 hex chars): changes whenever any setting changes.</summary>
    public required string SettingsHash { get; init; }
    /// <summary>The run's seed.</summary>
    public required long Seed { get; init; }
    /// <summary>Device the run used (cpu, cuda:0).</summary>
    public required string Device { get; init; }
    /// <summary>The data it ran on.</summary>
    public required DataSummary Data { get; init; }
    /// <summary>Versions, threads, determinism, devices.</summary>
    public required EnvironmentInfo Environment { get; init; }
    /// <summary>Architecture and parameter counts.</summary>
    public required ModelSummary Model { get; init; }
    /// <summary>Per-epoch history.</summary>
    public required IReadOnlyList<EpochRecord> History { get; init; }
    /// <summary>Epoch with the best validation balanced accuracy.</summary>
    public required int BestEpoch { get; init; }
    /// <summary>Epochs actually run.</summary>
    public required int EpochsRun { get; init; }
    /// <summary>True when early stopping ended the run.</summary>
    public required bool StoppedEarly { get; init; }
    /// <summary>Which weights were evaluated on val/test, e.g. "best (epoch 7)" or "last (epoch 15; shallow-copy defect)".</summary>
    public required string EvaluatedWeights { get; init; }
    /// <summary>True when the head was trained on cached frozen-backbone features.</summary>
    public required bool FeaturesCached { get; init; }
    /// <summary>Metrics on the validation split with the evaluated weights.</summary>
    public required MetricReport Validation { get; init; }
    /// <summary>Metrics on the test split with the evaluated weights (with bootstrap CIs).</summary>
    public required MetricReport Test { get; init; }
    /// <summary>Cancer threshold chosen on validation for the preset's target specificity, applied to test.</summary>
    public OperatingPointReport? OperatingPoint { get; init; }
    /// <summary>Benign-vs-cancer threshold on the lesion score chosen on the validation lesion images, applied to test
    /// (<see cref="LesionMetrics.OperatingPoint"/>); null when a split lacks a benign or a cancer image.</summary>
    public LesionOperatingPoint? LesionOperatingPoint { get; init; }
    /// <summary>Per-class log-probability offsets fitted on validation and applied to val and test predictions (null: none).</summary>
    public IReadOnlyList<double>? DecisionOffsets { get; init; }
    /// <summary>Test predictions: id (relative path), label, probabilities, patient group.</summary>
    public required IReadOnlyList<Prediction> TestPredictions { get; init; }
    /// <summary>Validation predictions (for thresholds chosen later).</summary>
    public required IReadOnlyList<Prediction> ValidationPredictions { get; init; }
    /// <summary>Wall times.</summary>
    public required Timings Timings { get; init; }
    /// <summary>Things a reader must know (random-init backbone, skipped files …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}
