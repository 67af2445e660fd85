using Repro.Evaluation;
using Repro.Experiments;
using Repro.Results;
using Repro.Training.Presets;

namespace Repro.Tests.Experiments;

/// <summary>The runner's kinds of entry beyond plain runs: cross-validation and source-harmonised data, on a tiny synthetic set.</summary>
public class ExperimentRunnerTests
{
    private static readonly Preset Tiny = PresetRegistry.Get("q1-cnn-smoke") with { ImageSize = 32, Epochs = 1, BootstrapResamples = 100 };

    private static ExperimentContext Context()
    {
        TestRuntime.Init();
        return new ExperimentContext(RepoPaths.Mth416, TestRuntime.Options, RepoPaths.NewTempDir("runner-cache"));
    }

    [Fact]
    public void A_cross_validation_entry_makes_exactly_its_snapshot_files_without_paths_or_timings()
    {
        var experiment = new Experiment("tiny-cv", "tiny CV", ExperimentTier.Cpu, ExperimentData.Synthetic(0.05), [],
            CrossValidation: new ExperimentCrossValidation(Tiny, 7, 3, 5));
        var outcome = ExperimentRunner.Run(experiment, Context());

        Assert.Equal(experiment.SnapshotFiles(), outcome.Documents.Select(d => (d.Stem, d.Extension)));
        Assert.Equal(new[] { ("tiny-cv", "json"), ("tiny-cv.oof-predictions", "csv") }, experiment.SnapshotFiles());
        Assert.Equal(new[] { ("tiny-cv.cuda-sm90", "json"), ("tiny-cv.oof-predictions.cuda-sm90", "csv") }, experiment.SnapshotFiles("cuda-sm90"));
        Assert.Empty(outcome.Results);
        var cv = Assert.IsType<CrossValidationResult>(outcome.CrossValidation);

        string json = outcome.Documents[0].Text;
        Assert.Equal(CanonicalJson.Format(System.Text.Json.Nodes.JsonNode.Parse(json)), json); // canonical
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), json);
        Assert.DoesNotContain(RepoPaths.Root, json);
        Assert.DoesNotContain("seconds", json);
        Assert.Contains("\"fold_seed\": 5", json);
        Assert.Contains("\"settings_hash\": \"" + PresetHash.Of(Tiny) + "\"", json);
        var read = CrossValidationSnapshot.Read(json, "tiny-cv.json");
        Assert.Equal(7, read.Seed);
        Assert.Equal(3, read.Repeats[0].Folds.Count);
        Assert.Equal(CanonicalJson.Round(cv.Repeats[0].Pooled.BalancedAccuracy), read.Repeats[0].Pooled.BalancedAccuracy);
        Assert.NotNull(read.Repeats[0].Pooled.Lesion?.Intervals);
        Assert.Equal(read.DataSource, RunSnapshot.SourceName(cv.DataSource));

        // The pooled out-of-fold predictions: every image once, in the runs' CSV format.
        string csvPath = Path.Combine(RepoPaths.NewTempDir("runner-oof"), "oof.csv");
        File.WriteAllText(csvPath, outcome.Documents[1].Text);
        var oof = PredictionsCsv.Read(csvPath);
        Assert.Equal(cv.Repeats[0].Pooled.N, oof.Count);
        Assert.Equal(oof.Count, oof.Select(p => p.Id).Distinct().Count());
        Assert.Equal(RunSnapshot.PredictionsCsv(cv.Repeats[0].OutOfFold), outcome.Documents[1].Text);
    }

    [Fact]
    public void A_harmonised_entry_runs_on_re_encoded_images_and_says_so()
    {
        var plain = new Experiment("tiny", "tiny", ExperimentTier.Cpu, ExperimentData.Synthetic(0.05), [new ExperimentRun(null, Tiny, 7)]);
        var harmonised = plain with { Name = "tiny-harmonized", Data = ExperimentData.Synthetic(0.05) with { HarmonizeJpegQuality = 75 } };
        Assert.Equal("synthetic x0.05", plain.Data.ToString());
        Assert.Equal("synthetic x0.05, harmonised (JPEG q75)", harmonised.Data.ToString());
        Assert.Equal("MTH416, harmonised (JPEG q75)", ExperimentData.Mth416Harmonized.ToString());

        var context = Context();
        var a = ExperimentRunner.Run(plain, context);
        var b = ExperimentRunner.Run(harmonised, context);
        Assert.DoesNotContain("harmonize", a.Results[0].Data.Source);
        Assert.Contains("jpeg-imagesharp-luminance-q75", b.Results[0].Data.Source);
        Assert.NotEqual(a.Results[0].Data.Fingerprint, b.Results[0].Data.Fingerprint);
        Assert.Contains("q75", b.Documents[0].Text);
        Assert.Equal(harmonised.SnapshotFiles(), b.Documents.Select(d => (d.Stem, d.Extension)));
    }
}
