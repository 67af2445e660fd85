namespace Repro.Experiments;

/// <summary>
/// A cross-validation entry (<see cref="CrossValidation.Run"/>, what <c>repro cv</c> runs): one preset and seed over
/// patient-grouped stratified folds of the data, every image's out-of-fold prediction pooled and evaluated with
/// patient-bootstrap intervals. Its snapshots are <c>{name}.json</c> (<see cref="CrossValidationSnapshot"/>) and the
/// pooled out-of-fold predictions <c>{name}.oof-predictions.csv</c>.
/// </summary>
/// <param name="Preset">The preset every fold runs.</param>
/// <param name="Seed">The runs' seed (also the pooled bootstrap's).</param>
/// <param name="Folds">k.</param>
/// <param name="FoldSeed">Seed of the fold assignment (<see cref="Data.PatientFolds.DefaultSeed"/>: the recorded one).</param>
public sealed record ExperimentCrossValidation(Training.Presets.Preset Preset, long Seed, int Folds, ulong FoldSeed);
