using Repro.Training.Presets;

namespace Repro.Experiments;

/// <summary>One training run of an experiment: a preset (after overrides) and a seed.</summary>
/// <param name="Part">The run's part of the snapshot name (<c>seed43</c>, <c>no-clamp-defect</c>); null for an experiment's only run.</param>
/// <param name="Preset">The preset to run.</param>
/// <param name="Seed">The seed.</param>
public sealed record ExperimentRun(string? Part, Preset Preset, long Seed);
