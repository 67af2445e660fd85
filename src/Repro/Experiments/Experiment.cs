using Repro.Training.Presets;

namespace Repro.Experiments;

/// <summary>
/// A named experiment of the catalogue: its runs (presets × seeds × overrides) on one data set, a cross-validation of
/// one preset, or the dataset audit, and the tier that verifies it. Its snapshot files are <c>snapshots/{Name}[.{part}][.{device class}].verified.{json,csv}</c>.
/// </summary>
/// <param name="Name">Catalogue name (also the snapshot files' stem).</param>
/// <param name="Description">What it shows, in one line.</param>
/// <param name="Tier">Where it is verified.</param>
/// <param name="Data">The data it runs on.</param>
/// <param name="Runs">Its training runs (empty for the audit).</param>
/// <param name="Summary">The snapshot it adds over its runs'.</param>
/// <param name="Audit">True for the dataset audit (counts, leakage, duplicates, shortcut probes) instead of training.</param>
/// <param name="CrossValidation">For a cross-validation entry (no <paramref name="Runs"/>): the preset, seed and folds it runs.</param>
public sealed record Experiment(string Name, string Description, ExperimentTier Tier, ExperimentData Data,
    IReadOnlyList<ExperimentRun> Runs, ExperimentSummary Summary = ExperimentSummary.None, bool Audit = false,
    ExperimentCrossValidation? CrossValidation = null)
{
    /// <summary>The presets it runs, once each.</summary>
    public IEnumerable<Preset> Presets =>
        (CrossValidation is { } cv ? [cv.Preset] : Runs.Select(r => r.Preset)).DistinctBy(p => p.Name);

    /// <summary>The stem of a cross-validation entry's pooled out-of-fold predictions (<c>{name}.oof-predictions</c>).</summary>
    public const string OutOfFoldPart = "oof-predictions";

    /// <summary>How the catalogue lists its size: <c>audit</c>, <c>cv k=5</c> or <c>3 run(s)</c>.</summary>
    public string Kind => Audit ? "audit"
        : CrossValidation is { } cv ? "cv k=" + cv.Folds.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " run(s)";

    /// <summary>The stems of its snapshot files (without <c>.verified.ext</c>) and their extensions, for a device class or none.</summary>
    public IEnumerable<(string Stem, string Extension)> SnapshotFiles(string? deviceClass = null)
    {
        string Stem(string? part) => Name + (part is null ? "" : "." + part) + (deviceClass is null ? "" : "." + deviceClass);
        if (Audit)
        {
            yield return (Stem(null), "json");
            yield break;
        }
        if (CrossValidation is not null)
        {
            yield return (Stem(null), "json");
            yield return (Stem(OutOfFoldPart), "csv");
            yield break;
        }
        foreach (var run in Runs)
        {
            yield return (Stem(run.Part), "json");
            yield return (Stem(run.Part is null ? "test-predictions" : run.Part + ".test-predictions"), "csv");
        }
        if (Summary == ExperimentSummary.Seeds) yield return (Stem("summary"), "json");
        if (Summary == ExperimentSummary.Ablation) yield return (Stem("table"), "json");
    }
}
