using System.Text.Json.Nodes;
using Repro.Evaluation;
using Repro.IO;

namespace Repro.Results;

/// <summary>
/// The snapshot of a run: everything the report prints, as canonical JSON (<see cref="CanonicalJson"/>: sorted keys,
/// fixed precision), plus its test predictions as CSV. Made from the whole <see cref="RunResult"/> — any field a result
/// gains (a new metric) flows in — less what is not a result: wall times, the machine (<see cref="Dropped"/>) and the
/// predictions (their own file). The per-epoch records are <c>epochs</c> (validation balanced accuracy and recall, losses,
/// learning rates); the all-Normal and stratified-random baselines on the same test images are added.
/// </summary>
public static class RunSnapshot
{
    /// <summary>Top-level result fields left out: wall times and machine facts, and the predictions (a CSV of their own).</summary>
    public static IReadOnlyList<string> Dropped { get; } =
        ["timings", "environment", "device", "test_predictions", "validation_predictions", "history"];

    /// <summary>Per-epoch fields left out: wall time and throughput.</summary>
    public static IReadOnlyList<string> DroppedPerEpoch { get; } = ["seconds", "train_images_per_second"];

    /// <summary>Decimals of the probabilities in the predictions CSV.</summary>
    public const int ProbabilityDecimals = 8;

    /// <summary>The snapshot JSON of <paramref name="r"/>.</summary>
    public static string Json(RunResult r)
    {
        var node = JsonNode.Parse(ReproJson.Serialize(r))!.AsObject();
        var epochs = new JsonArray();
        foreach (var e in node["history"]!.AsArray())
        {
            var record = e!.AsObject().DeepClone().AsObject();
            foreach (string key in DroppedPerEpoch) record.Remove(key);
            epochs.Add(record);
        }
        foreach (string key in Dropped) node.Remove(key);
        node["epochs"] = epochs;
        // The data's source without the machine's path: the folder's name, or the synthetic set's description.
        var data = node["data"]!.AsObject();
        data["source"] = SourceName(r.Data.Source);
        var baselines = RunBaselines.Of(r);
        node["baselines"] = JsonNode.Parse(ReproJson.Serialize(new Dictionary<string, MetricReport?>
        {
            ["all_normal"] = baselines.AllNormal,
            ["stratified_random"] = baselines.Stratified,
        }));
        return CanonicalJson.Format(node);
    }

    /// <summary>The test predictions of <paramref name="r"/> as the predictions CSV, probabilities at <see cref="ProbabilityDecimals"/> decimals.</summary>
    public static string PredictionsCsv(RunResult r) => PredictionsCsv(r.TestPredictions);

    /// <summary><paramref name="predictions"/> as the predictions CSV, probabilities at <see cref="ProbabilityDecimals"/> decimals.</summary>
    public static string PredictionsCsv(IReadOnlyList<Prediction> predictions) =>
        Evaluation.PredictionsCsv.Format(predictions
            .Select(p => p with { Probabilities = p.Probabilities.Select(v => Math.Round(v, ProbabilityDecimals)).ToArray() })
            .ToList());

    /// <summary>A data source without the machine's path: the folder's name (and what follows it), or the synthetic set's description.</summary>
    public static string SourceName(string source) =>
        source.StartsWith("synthetic", StringComparison.Ordinal) ? source : Path.GetFileName(Path.TrimEndingDirectorySeparator(source));
}
