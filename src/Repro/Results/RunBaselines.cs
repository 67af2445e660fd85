using Repro.Data;
using Repro.Evaluation;

namespace Repro.Results;

/// <summary>The reference classifiers on a run's test predictions: predict-all-Normal and stratified random.</summary>
/// <param name="AllNormal">Metrics of predicting Normal for every test image.</param>
/// <param name="Stratified">Metrics of random classes drawn with the training class frequencies (seed 0); null without training counts.</param>
public sealed record RunBaselines(MetricReport AllNormal, MetricReport? Stratified)
{
    /// <summary>Seed of the stratified baseline (as the CLI's study table).</summary>
    public const ulong StratifiedSeed = 0;

    /// <summary>Computes both baselines on <paramref name="result"/>'s test predictions.</summary>
    public static RunBaselines Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var test = result.TestPredictions;
        var allNormal = Metrics.Compute(Baselines.AllNormal(test));
        MetricReport? stratified = null;
        if (result.Data.Counts.TryGetValue("train", out var counts) && counts.Length == ClassLabels.Count && counts.Sum() > 0)
            stratified = Metrics.Compute(Baselines.StratifiedRandom(test, counts, StratifiedSeed));
        return new RunBaselines(allNormal, stratified);
    }
}
