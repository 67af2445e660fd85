using System.Globalization;
using Repro.Data;
using Repro.Evaluation;
using Repro.IO;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro;

/// <summary>
/// Patient-grouped, stratified k-fold cross-validation of a preset (<c>repro cv</c>): for each repeat (fold seed
/// <c>foldSeed + r</c>) and each fold, one ordinary run (<see cref="Trainer.Run"/>) on the data option
/// <see cref="FoldSpec"/> — train on k − 1 folds with an inner validation split (model selection, decision offsets),
/// test on the held-out fold — then the out-of-fold test predictions of all k folds pooled and evaluated once, with
/// bootstrap intervals over patients (<see cref="Metrics.Compute"/>, lesion metrics included). Every image is
/// predicted exactly once per repeat, by a model that never saw its patient.
/// </summary>
public static class CrossValidation
{
    /// <summary>Runs the cross-validation; writes per-fold result files, pooled predictions and the summary when <see cref="RunOptions.OutputDirectory"/> is set.</summary>
    public static CrossValidationResult Run(Preset preset, RunOptions run, int folds, int repeats = 1, ulong foldSeed = PatientFolds.DefaultSeed,
        int bootstrapResamples = MetricOptions.DefaultBootstrapResamples)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(run);
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "need at least one repeat");
        new FoldSpec(folds, 0, foldSeed).Validate();
        string name = FileStem(preset.Name, folds, foldSeed, run.Seed);
        var results = new List<CrossValidationRepeat>();
        string? source = null;
        for (int r = 0; r < repeats; r++)
        {
            ulong seed = foldSeed + (ulong)r;
            var outOfFold = new List<Prediction>();
            var foldSummaries = new List<CrossValidationFold>();
            for (int k = 0; k < folds; k++)
            {
                var fold = new FoldSpec(folds, k, seed);
                var result = Trainer.Run(preset, run with
                {
                    Fold = fold,
                    OutputDirectory = run.OutputDirectory is null ? null
                        : Path.Combine(run.OutputDirectory, name, string.Create(CultureInfo.InvariantCulture, $"foldseed{seed}-fold{k + 1}")),
                    WriteCheckpoints = false,
                });
                if (run.OutputDirectory is not null) // the fold's own result file and test predictions
                    RunFiles.Write(Path.Combine(run.OutputDirectory, name, string.Create(CultureInfo.InvariantCulture, $"foldseed{seed}-fold{k + 1}")), result);
                source ??= result.Data.Source[..result.Data.Source.LastIndexOf(" [cv fold", StringComparison.Ordinal)];
                outOfFold.AddRange(result.TestPredictions);
                foldSummaries.Add(new CrossValidationFold(k, result.Data.Counts["train"].Sum(), result.Data.Counts["val"].Sum(), result.Test.N,
                    result.BestEpoch, result.Validation.BalancedAccuracy, result.Test.BalancedAccuracy, result.Test.Lesion?.RocAuc));
            }
            var pooled = Metrics.Compute(outOfFold, new MetricOptions(bootstrapResamples, (ulong)run.Seed));
            results.Add(new CrossValidationRepeat(seed, foldSummaries, pooled) { OutOfFold = outOfFold });
            if (run.OutputDirectory is not null)
                PredictionsCsv.Write(Path.Combine(run.OutputDirectory, string.Create(CultureInfo.InvariantCulture, $"{name}-foldseed{seed}.oof-predictions.csv")), outOfFold);
        }
        var cv = new CrossValidationResult(preset.Name, PresetHash.Of(preset), run.Seed, source!, folds, results,
            repeats > 1 ? MultiSeedSummary.Summarize(results.Select(x => x.Pooled).ToList()) : null);
        if (run.OutputDirectory is not null)
            AtomicFile.WriteAllText(Path.Combine(run.OutputDirectory, name + ".json"), ReproJson.Serialize(cv) + "\n");
        return cv;
    }

    /// <summary>The file stem of a cross-validation's outputs, e.g. <c>cv-improved-k5-foldseed42-seed42</c>.</summary>
    public static string FileStem(string preset, int folds, ulong foldSeed, long seed) =>
        string.Create(CultureInfo.InvariantCulture, $"cv-{preset}-k{folds}-foldseed{foldSeed}-seed{seed}");
}

/// <summary>What a cross-validation produced (written as <c>cv-….json</c>).</summary>
/// <param name="Preset">Preset name.</param>
/// <param name="SettingsHash">Hash of the resolved preset.</param>
/// <param name="Seed">The runs' seed (model, sampler; also the pooled bootstrap's seed).</param>
/// <param name="DataSource">The data the folds were drawn from.</param>
/// <param name="Folds">k.</param>
/// <param name="Repeats">One entry per fold assignment (fold seed).</param>
/// <param name="AcrossRepeats">Mean ± sd of the pooled metrics over the repeats; null for one repeat.</param>
public sealed record CrossValidationResult(string Preset, string SettingsHash, long Seed, string DataSource, int Folds,
    IReadOnlyList<CrossValidationRepeat> Repeats, MultiSeedSummary? AcrossRepeats);

/// <summary>One fold assignment of a cross-validation.</summary>
/// <param name="FoldSeed">Seed of <see cref="PatientFolds.Assign"/>.</param>
/// <param name="Folds">Each fold's run in brief.</param>
/// <param name="Pooled">Metrics of the pooled out-of-fold predictions (every image once), bootstrap over patients.</param>
public sealed record CrossValidationRepeat(ulong FoldSeed, IReadOnlyList<CrossValidationFold> Folds, MetricReport Pooled)
{
    /// <summary>The pooled out-of-fold predictions (every image once, folds in order); not in the result JSON (a CSV of their own).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Prediction> OutOfFold { get; init; } = [];
}

/// <summary>One fold's run in brief.</summary>
/// <param name="Index">Fold index (0-based).</param>
/// <param name="Train">Training images.</param>
/// <param name="Val">Inner validation images.</param>
/// <param name="Test">Held-out images.</param>
/// <param name="BestEpoch">Epoch selected on the inner validation split.</param>
/// <param name="ValBalancedAccuracy">Inner validation balanced accuracy (after decision offsets: optimistic).</param>
/// <param name="TestBalancedAccuracy">Held-out fold's balanced accuracy.</param>
/// <param name="TestLesionRocAuc">Held-out fold's lesion ROC AUC.</param>
public sealed record CrossValidationFold(int Index, int Train, int Val, int Test, int BestEpoch, double ValBalancedAccuracy,
    double TestBalancedAccuracy, double? TestLesionRocAuc);
