using Repro.Data;
using Repro.Data.Synthetic;
using Repro.Evaluation;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Tests.Training;

/// <summary>
/// A prediction from a run's checkpoint decides as the run itself did on the test split: the same class for every
/// image and probabilities within 1e-6 (the run may have used cached backbone features; the predictor runs the whole
/// network on the image files), rows matched by relative id.
/// </summary>
public class PredictEqualsRunTests
{
    private static readonly SyntheticOptions Data = new() { Seed = 416, Scale = 0.02 };

    [Theory]
    // Our design at a test size: cached features, shuffled sampler, the decision offsets fitted on validation.
    [InlineData("improved", 64, 4, RunCheckpoints.Best)]
    [InlineData("improved", 64, 4, RunCheckpoints.Last)]
    // A study preset with the shallow-copy defect: the run evaluated the last epoch's weights.
    [InlineData("q2-resnet-smoke", 64, 2, RunCheckpoints.Last)]
    public void Predict_from_the_checkpoint_of_the_evaluated_weights_reproduces_the_runs_test_decisions(string name, int size, int epochs, string kind)
    {
        var preset = PresetRegistry.Get(name) with { ImageSize = size, Epochs = epochs, BootstrapResamples = 0 };
        string outDir = RepoPaths.NewTempDir("predict-equals-run");
        var result = Trainer.Run(preset, new RunOptions
        {
            SyntheticScale = Data.Scale, SyntheticSeed = Data.Seed, OutputDirectory = outDir,
            CacheDirectory = RepoPaths.NewTempDir("cache"), Runtime = TestRuntime.Options, Seed = 3,
        });
        if (preset.CalibrateOnValidation)
        {
            // The offsets must matter here, or the test would not show that the predictor applies them.
            Assert.NotNull(result.DecisionOffsets);
            Assert.Contains(result.DecisionOffsets!, o => o != 0);
        }
        else Assert.Null(result.DecisionOffsets);

        string images = RepoPaths.NewTempDir("predict-equals-run-images");
        SyntheticMammograms.WriteTo(images, Data, size);
        using var predictor = Predictor.Load(RunCheckpoints.PathIn(outDir, preset, 3, kind));
        Assert.Equal(result.DecisionOffsets, predictor.Checkpoint.DecisionOffsets);
        var predicted = predictor.PredictFolder(Path.Combine(images, "test"))
            .ToDictionary(p => "test/" + p.Id.Replace("malignant/", "cancer/", StringComparison.Ordinal));

        Assert.Equal(result.TestPredictions.Count, predicted.Count);
        foreach (var expected in result.TestPredictions)
        {
            var got = predicted[expected.Id.Replace("malignant/", "cancer/", StringComparison.Ordinal)];
            Assert.Equal(expected.Label, got.Label);
            Assert.Equal(expected.Predicted, got.Predicted);
            for (int c = 0; c < ClassLabels.Count; c++) Assert.Equal(expected.Probabilities[c], got.Probabilities[c], 1e-6);
        }
    }
}
