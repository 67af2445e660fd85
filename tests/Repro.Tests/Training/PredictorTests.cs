using Repro.Cli;
using Repro.Data;
using Repro.Data.Synthetic;
using Repro.Evaluation;
using Repro.Training;
using Repro.Training.Presets;
using Repro.Training.Speed;

namespace Repro.Tests.Training;

public class PredictorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("fp32")]
    [InlineData("bf16")]
    public void Predict_from_a_checkpoint_gives_the_runs_own_test_probabilities(string? fastPrecision)
    {
        // null: the reference path; otherwise the speed switches (flat optimizer, channels-last) at that precision,
        // which the predictor must rebuild from the checkpoint's settings (a bf16 model takes bf16 input).
        var speed = fastPrecision is null ? null : new SpeedOptions { FlatOptimizer = true, ChannelsLast = true, Precision = Enum.Parse<Precision>(fastPrecision, ignoreCase: true) };
        var preset = PresetRegistry.Get("q1-cnn-smoke") with { ImageSize = 32, Epochs = 2, BootstrapResamples = 0, Speed = speed };
        string outDir = RepoPaths.NewTempDir("predict-run");
        var options = new SyntheticOptions { Seed = 416, Scale = 0.02 };
        var result = Trainer.Run(preset, new RunOptions
        {
            SyntheticScale = options.Scale, SyntheticSeed = options.Seed, OutputDirectory = outDir,
            CacheDirectory = RepoPaths.NewTempDir("cache"), Runtime = TestRuntime.Options, Seed = 5,
        });
        string images = RepoPaths.NewTempDir("predict-images");
        SyntheticMammograms.WriteTo(images, options, 32);
        string checkpoint = Path.Combine(outDir, "checkpoints", $"{preset.Name}-seed5.last.ckpt");
        string csv = Path.Combine(outDir, "test.csv");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(new[] { "predict", "--checkpoint", checkpoint, "--images", Path.Combine(images, "test"), "--out", csv, "--threads", "2" }, stdout, stderr);
        Assert.True(code == 0, stderr.ToString());

        var predicted = PredictionsCsv.Read(csv).ToDictionary(p => "test/" + p.Id.Replace("malignant/", "cancer/", StringComparison.Ordinal));
        Assert.Equal(result.TestPredictions.Count, predicted.Count);
        foreach (var expected in result.TestPredictions)
        {
            var got = predicted[expected.Id.Replace("malignant/", "cancer/", StringComparison.Ordinal)];
            Assert.Equal(expected.Label, got.Label);
            for (int c = 0; c < ClassLabels.Count; c++) Assert.Equal(expected.Probabilities[c], got.Probabilities[c], 12);
        }
    }

    [Fact]
    public void Missing_checkpoint_is_named()
    {
        var stderr = new StringWriter();
        int code = CommandLine.Run(new[] { "predict", "--checkpoint", "/nonexistent/x.ckpt", "--images", "/tmp" }, new StringWriter(), stderr);
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/x.ckpt", stderr.ToString());
    }
}
