using Repro.Data.Audit;
using Repro.Evaluation;
using Repro.Results;
using Repro.Training;

namespace Repro.Experiments;

/// <summary>Runs a catalogue entry and returns its snapshot documents (and the run results behind them).</summary>
public static class ExperimentRunner
{
    /// <summary>What an entry produced.</summary>
    /// <param name="Documents">Its snapshot files' contents, in <see cref="Experiment.SnapshotFiles"/> order.</param>
    /// <param name="Results">The run results, in the entry's run order (empty for the audit and a cross-validation).</param>
    /// <param name="CrossValidation">A cross-validation entry's result; null for other kinds.</param>
    public sealed record Outcome(IReadOnlyList<SnapshotDocument> Documents, IReadOnlyList<RunResult> Results, CrossValidationResult? CrossValidation = null);

    /// <summary>Runs every run of <paramref name="experiment"/> (or its audit, or its cross-validation) and makes its snapshots.</summary>
    public static Outcome Run(Experiment experiment, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(context);
        string Stem(string? part) => experiment.Name + (part is null ? "" : "." + part) + (context.DeviceClass is null ? "" : "." + context.DeviceClass);
        var docs = new List<SnapshotDocument>();
        if (experiment.Audit)
        {
            var audit = AuditReport.Run(context.Mth416Directory);
            docs.Add(new(Stem(null), "json", AuditSnapshot.Json(audit)));
            return new Outcome(docs, []);
        }
        if (experiment.CrossValidation is { } spec)
        {
            var cv = Repro.CrossValidation.Run(spec.Preset, Options(experiment, context, spec.Seed, $"{experiment.Name} cv"), spec.Folds, repeats: 1,
                spec.FoldSeed, spec.Preset.BootstrapResamples);
            docs.Add(new(Stem(null), "json", CrossValidationSnapshot.Json(cv)));
            docs.Add(new(Stem(Experiment.OutOfFoldPart), "csv", CrossValidationSnapshot.OutOfFoldCsv(cv)));
            return new Outcome(docs, [], cv);
        }
        var results = new List<RunResult>();
        foreach (var run in experiment.Runs)
        {
            var result = Trainer.Run(run.Preset, Options(experiment, context, run.Seed, $"{experiment.Name} {run.Part ?? run.Preset.Name}"));
            results.Add(result);
            docs.Add(new(Stem(run.Part), "json", RunSnapshot.Json(result)));
            docs.Add(new(Stem(run.Part is null ? "test-predictions" : run.Part + ".test-predictions"), "csv", RunSnapshot.PredictionsCsv(result)));
        }
        if (experiment.Summary == ExperimentSummary.Seeds)
            docs.Add(new(Stem("summary"), "json", SeedsSnapshot(results)));
        if (experiment.Summary == ExperimentSummary.Ablation)
            docs.Add(new(Stem("table"), "json", CanonicalJson.Serialize(AblationTable(experiment, results))));
        return new Outcome(docs, results);
    }

    /// <summary>The run options of an entry's runs: its data (MTH416 or synthetic, harmonised or not), the context's cache, device, runtime.</summary>
    private static RunOptions Options(Experiment experiment, ExperimentContext context, long seed, string label) => new()
    {
        DataDirectory = experiment.Data.SyntheticScale is null ? context.Mth416Directory : null,
        SyntheticScale = experiment.Data.SyntheticScale ?? 1.0,
        HarmonizeJpegQuality = experiment.Data.HarmonizeJpegQuality,
        CacheDirectory = context.CacheDirectory,
        Seed = seed,
        Device = context.Device,
        OutputDirectory = context.OutputDirectory,
        WriteCheckpoints = false,
        Runtime = context.Runtime,
        Observer = context.Observer?.Invoke(label),
    };

    /// <summary>The ablation table of an ablation entry's results (same order as its runs).</summary>
    public static IReadOnlyList<AblationRow> AblationTable(Experiment experiment, IReadOnlyList<RunResult> results)
    {
        double first = results[0].Test.BalancedAccuracy;
        return experiment.Runs.Zip(results, (run, r) => new AblationRow(run.Part!, r.Preset, r.Validation.BalancedAccuracy,
            r.Test.BalancedAccuracy, r.Test.BalancedAccuracy - first, r.Test.Classes.Select(c => c.Recall).ToList())).ToList();
    }

    private static string SeedsSnapshot(IReadOnlyList<RunResult> results) => CanonicalJson.Serialize(new
    {
        Preset = results[0].Preset,
        SettingsHash = results[0].SettingsHash,
        Seeds = results.Select(r => r.Seed).ToList(),
        Test = MultiSeedSummary.Summarize(results.Select(r => r.Test).ToList()),
        Validation = MultiSeedSummary.Summarize(results.Select(r => r.Validation).ToList()),
        BestEpochValidationBalancedAccuracy = SummaryStatistics.Of(results.Select(r => r.History.Max(h => h.ValBalancedAccuracy)).ToList()),
    });
}
