using System.Text.Json.Nodes;
using Repro.Evaluation;
using Repro.Results;
using Repro.Tests.Reporting;

namespace Repro.Tests.Results;

/// <summary>
/// The snapshot format: canonical JSON (sorted keys, fixed precision) holding everything the report prints and nothing
/// of the machine, and the test predictions as a CSV that reads back as the run's predictions.
/// </summary>
[Collection("report")]
public class RunSnapshotTests(ReportFixture fixture)
{
    private RunResult Run => fixture.Runs[0];

    [Fact]
    public void Canonical_json_sorts_keys_at_every_level_and_rounds_to_a_fixed_precision()
    {
        var node = JsonNode.Parse("""{ "b": 1.23456789, "a": { "z": 3, "y": [0.1234564, 2.0000004, 1e-7, 0.000123456789] }, "c": "text" }""");
        Assert.Equal("""
            {
              "a": {
                "y": [
                  0.123456,
                  2,
                  1E-07,
                  0.000123457
                ],
                "z": 3
              },
              "b": 1.234568,
              "c": "text"
            }

            """.Replace("\r\n", "\n"), CanonicalJson.Format(node));
        Assert.Equal(0.333333, CanonicalJson.Round(1.0 / 3));
        Assert.Equal(3e-4, CanonicalJson.Round(3e-4));
        Assert.Equal(42.0, CanonicalJson.Round(42.0));
    }

    [Fact]
    public void A_run_snapshot_holds_what_the_report_prints_and_nothing_of_the_machine()
    {
        string json = RunSnapshot.Json(Run);
        var node = JsonNode.Parse(json)!.AsObject();
        // Sorted keys at the top level, one final newline, stable.
        var keys = node.Select(kv => kv.Key).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.EndsWith("}\n", json);
        Assert.Equal(json, RunSnapshot.Json(Run));
        // What the report prints: metrics with intervals, MCC, log loss, ECE, the operating point, the baselines, the epochs.
        var test = node["test"]!.AsObject();
        foreach (string k in new[] { "balanced_accuracy", "mcc", "log_loss", "ece", "intervals", "confusion_matrix", "classes" })
            Assert.True(test.ContainsKey(k), k);
        Assert.NotNull(test["classes"]![0]!["recall_ci"]);
        Assert.NotNull(node["operating_point"]);
        Assert.Equal(RunBaselines.Of(Run).AllNormal.BalancedAccuracy, node["baselines"]!["all_normal"]!["balanced_accuracy"]!.GetValue<double>(), 6);
        Assert.NotNull(node["baselines"]!["stratified_random"]);
        var epochs = node["epochs"]!.AsArray();
        Assert.Equal(Run.History.Count, epochs.Count);
        Assert.True(epochs[0]!.AsObject().ContainsKey("val_balanced_accuracy"));
        Assert.True(epochs[0]!.AsObject().ContainsKey("train_loss"));
        Assert.True(epochs[0]!.AsObject().ContainsKey("learning_rates"));
        // Nothing that differs between machines or runs of the same seed.
        foreach (string gone in RunSnapshot.Dropped) Assert.False(node.ContainsKey(gone), gone);
        Assert.False(epochs[0]!.AsObject().ContainsKey("seconds"));
        Assert.False(epochs[0]!.AsObject().ContainsKey("train_images_per_second"));
        Assert.DoesNotContain(fixture.Root, json);
        Assert.Equal("data", node["data"]!["source"]!.GetValue<string>());
        // The numbers are the result's, at six decimals.
        Assert.Equal(Math.Round(Run.Test.BalancedAccuracy, 6), node["test"]!["balanced_accuracy"]!.GetValue<double>());
        Assert.Equal(Run.SettingsHash, node["settings_hash"]!.GetValue<string>());
    }

    [Fact]
    public void The_predictions_csv_reads_back_as_the_runs_test_predictions()
    {
        string dir = RepoPaths.NewTempDir("snapshot-csv");
        string path = Path.Combine(dir, "p.csv");
        File.WriteAllText(path, RunSnapshot.PredictionsCsv(Run));
        var read = PredictionsCsv.Read(path);
        Assert.Equal(Run.TestPredictions.Count, read.Count);
        for (int i = 0; i < read.Count; i++)
        {
            Assert.Equal(Run.TestPredictions[i].Id, read[i].Id);
            Assert.Equal(Run.TestPredictions[i].Label, read[i].Label);
            Assert.Equal(Run.TestPredictions[i].Group, read[i].Group);
            for (int c = 0; c < 3; c++) Assert.Equal(Run.TestPredictions[i].Probabilities[c], read[i].Probabilities[c], 1e-8);
        }
        // Metrics from the file equal the run's (what a report or a later metric drawn from the repository gets).
        Assert.Equal(Run.Test.BalancedAccuracy, Metrics.Compute(read).BalancedAccuracy, 9);
    }
}
