using Repro.Training.Presets;
using Repro.Training.Schedules;

namespace Repro.Training;

/// <summary>The JSON header of a training checkpoint: where the run stood after an epoch (tensors travel beside it),
/// and the resolved preset, so that <c>repro predict</c> can rebuild the model from the checkpoint alone.</summary>
public sealed record TrainerCheckpoint(string Preset, Preset Settings, string SettingsHash, long Seed, string DataFingerprint, int Epoch,
    IReadOnlyList<EpochRecord> History, EarlyStoppingState EarlyStopping, PlateauState Plateau, long OptimizerSteps,
    IReadOnlyList<double> LearningRates, IReadOnlyList<string> Unfrozen, bool HasBest);
