using Repro.Training.Presets;
using Repro.Training.Schedules;

namespace Repro.Training;

/// <summary>The JSON header of a training checkpoint: where the run stood after an epoch (tensors travel beside it),
/// and the resolved preset, so that <c>repro predict</c> can rebuild the model from the checkpoint alone. A checkpoint
/// that holds the weights the run evaluated also carries the run's validation-fitted <paramref name="DecisionOffsets"/>
/// (written after the final evaluation; null while training and for presets without them), so that a prediction
/// from it decides as the run did.</summary>
public sealed record TrainerCheckpoint(string Preset, Preset Settings, string SettingsHash, long Seed, string DataFingerprint, int Epoch,
    IReadOnlyList<EpochRecord> History, EarlyStoppingState EarlyStopping, PlateauState Plateau, long OptimizerSteps,
    IReadOnlyList<double> LearningRates, IReadOnlyList<string> Unfrozen, bool HasBest,
    IReadOnlyList<double>? DecisionOffsets = null);
