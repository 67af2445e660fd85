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
    /// <param name="Results">The run results, in the entry's run order (empty for the audit).</param>
    public sealed record Outcome(IReadOnlyList<SnapshotDocument> Documents, IReadOnlyList<RunResult> Results);

    /// <summary>Runs every run of <paramref name="experiment"/> (or its audit) and makes its snapshots.</summary>
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
        var results = new List<RunResult>();
        foreach (var run in experiment.Runs)
        {
            var options = new RunOptions
            {
                DataDirectory = experiment.Data.SyntheticScale is null ? context.Mth416Directory : null,
                SyntheticScale = experiment.Data.SyntheticScale ?? 1.0,
                CacheDirectory = context.CacheDirectory,
                Seed = run.Seed,
                Device = context.Device,
                OutputDirectory = context.OutputDirectory,
                WriteCheckpoints = false,
                Runtime = context.Runtime,
                Observer = context.Observer?.Invoke($"{experiment.Name} {run.Part ?? run.Preset.Name}"),
            };
            var result = Trainer.Run(run.Preset, options);
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
