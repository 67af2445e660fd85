using Repro.IO;
using Repro.Cli;
using Repro.Evaluation;
using Repro.Results;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

public class EvaluateCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Repro.Tests.Cli.CliRunner.Run(args);

    private static string WriteCase(out List<Prediction> predictions)
    {
        predictions = Random(60, seed: 21, groups: true);
        string path = Path.Combine(RepoPaths.NewTempDir("evaluate"), "preds.csv");
        PredictionsCsv.Write(path, predictions);
        return path;
    }

    [Fact]
    public void Json_output_is_the_metric_report()
    {
        string path = WriteCase(out var predictions);
        var (code, stdout, stderr) = Run("evaluate", "--predictions", path, "--json", "--bootstrap", "300", "--seed", "5");
        Assert.True(code == 0, stderr);
        var report = ReproJson.Deserialize<MetricReport>(stdout, "stdout");
        var expected = Metrics.Compute(PredictionsCsv.Read(path), new MetricOptions(300, 5));
        Assert.Equal(expected.Accuracy, report.Accuracy);
        Assert.Equal(expected.MacroRocAuc, report.MacroRocAuc);
        Assert.Equal(expected.Classes, report.Classes);
        Assert.Equal(expected.Intervals!["balanced_accuracy"], report.Intervals!["balanced_accuracy"]);
        Assert.Equal(new BootstrapSettings(300, 5, 0.95, Bootstrap.GroupUnit, 30), report.Bootstrap);
        Assert.Equal(predictions.Count, report.N);
        Assert.Equal(predictions.Count, report.ConfusionMatrix.Sum(row => row.Sum()));
    }

    [Fact]
    public void Table_output_shows_metrics_classes_and_confusion_matrix()
    {
        string path = WriteCase(out _);
        var (code, stdout, stderr) = Run("evaluate", "--predictions", path, "--bootstrap", "200");
        Assert.True(code == 0, stderr);
        Assert.Contains("balanced_accuracy", stdout);
        Assert.Contains("200 bootstrap resamples of 30 patients", stdout);
        Assert.Contains("confusion matrix (rows = true class, columns = predicted)", stdout);
        Assert.Contains("cancer", stdout);
        Assert.Matches(@"(?m)^accuracy\s+[01]\.\d{4}\s+\[[01]\.\d{4}, [01]\.\d{4}\]$", stdout);
    }

    [Fact]
    public void Bad_files_and_options_are_reported()
    {
        var missing = Run("evaluate", "--predictions", "/nonexistent/preds.csv", "--json");
        Assert.Equal(1, missing.Code);
        Assert.Contains("not found", missing.Err);

        string bad = Path.Combine(RepoPaths.NewTempDir("evaluate"), "bad.csv");
        File.WriteAllText(bad, "id,label,p_normal,p_benign,p_cancer\na,normal,0.5,0.5,0\nb,lesion,0.5,0.5,0\n");
        var malformed = Run("evaluate", "--predictions", bad);
        Assert.Equal(1, malformed.Code);
        Assert.Contains("bad.csv:3: label 'lesion'", malformed.Err);

        Assert.Equal(2, Run("evaluate").Code);
        Assert.Equal(2, Run("evaluate", "--predictions", bad, "--bootstrap", "-1").Code);
        Assert.Equal(2, Run("evaluate", "--predictions", bad, "--seed", "x").Code);
        Assert.Equal(2, Run("evaluate", "--predictions", bad, "--frobnicate").Code);
    }
}
