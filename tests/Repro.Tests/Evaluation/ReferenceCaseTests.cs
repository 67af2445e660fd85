using Repro.IO;
using System.Text.Json;
using Repro.Evaluation;

namespace Repro.Tests.Evaluation;

/// <summary>
/// Metrics.Compute against scikit-learn: Reference/cases/*.csv with the values that
/// Reference/make_reference.py computed with Debian's python3-sklearn (1.2.1), to 1e-9.
/// </summary>
public class ReferenceCaseTests
{
    private const double Tolerance = 1e-9;

    private static readonly string[] CaseNames =
    {
        "random", "study_imbalance", "grouped", "ties", "all_tied", "never_predicted",
        "class_absent", "perfect", "confident_wrong", "unnormalised", "lesion_edge",
    };

    private static string CasesDir => Path.Combine(RepoPaths.Root, "tests", "Repro.Tests", "Evaluation", "Reference", "cases");

    [Fact]
    public void Every_committed_case_is_tested()
    {
        var onDisk = Directory.GetFiles(CasesDir, "*.csv").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(CaseNames.Order().ToArray(), onDisk);
        foreach (string name in CaseNames) Assert.True(File.Exists(Path.Combine(CasesDir, name + ".expected.json")), name);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("study_imbalance")]
    [InlineData("grouped")]
    [InlineData("ties")]
    [InlineData("all_tied")]
    [InlineData("never_predicted")]
    [InlineData("class_absent")]
    [InlineData("perfect")]
    [InlineData("confident_wrong")]
    [InlineData("unnormalised")]
    [InlineData("lesion_edge")]
    public void Metrics_equal_scikit_learn(string name)
    {
        var predictions = PredictionsCsv.Read(Path.Combine(CasesDir, name + ".csv"));
        var report = Metrics.Compute(predictions);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(CasesDir, name + ".expected.json")));
        var e = expected.RootElement;

        Assert.Equal("1.2.1", e.GetProperty("sklearn_version").GetString());
        Assert.Equal(e.GetProperty("n").GetInt32(), report.N);
        Near(e, "accuracy", report.Accuracy);
        Near(e, "balanced_accuracy", report.BalancedAccuracy);
        Near(e, "macro_f1", report.MacroF1);
        Near(e, "weighted_f1", report.WeightedF1);
        Near(e, "mcc", report.Mcc);
        Near(e, "macro_roc_auc", report.MacroRocAuc);
        Near(e, "brier", report.Brier);
        Near(e, "log_loss", report.LogLoss);
        Near(e, "ece", report.Ece);

        var matrix = e.GetProperty("confusion_matrix").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(matrix, report.ConfusionMatrix.Select(row => row.ToArray()).ToArray());

        var classes = e.GetProperty("classes").EnumerateArray().ToArray();
        Assert.Equal(classes.Length, report.Classes.Count);
        for (int c = 0; c < classes.Length; c++)
        {
            var ec = classes[c];
            var rc = report.Classes[c];
            Assert.Equal(ec.GetProperty("name").GetString(), rc.Name);
            Assert.Equal(ec.GetProperty("support").GetInt32(), rc.Support);
            Near(ec, "precision", rc.Precision, rc.Name);
            Near(ec, "recall", rc.Recall, rc.Name);
            Near(ec, "f1", rc.F1, rc.Name);
            Near(ec, "specificity", rc.Specificity, rc.Name);
            Near(ec, "npv", rc.Npv, rc.Name);
            Near(ec, "roc_auc", rc.RocAuc, rc.Name);
            Near(ec, "average_precision", rc.AveragePrecision, rc.Name);
        }

        var lesion = e.GetProperty("lesion");
        if (lesion.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(report.Lesion);
            return;
        }
        Assert.NotNull(report.Lesion);
        Assert.Equal(lesion.GetProperty("n").GetInt32(), report.Lesion.N);
        Near(lesion, "roc_auc", report.Lesion.RocAuc, "lesion");
        Near(lesion, "balanced_accuracy", report.Lesion.BalancedAccuracy, "lesion");
        Near(lesion, "cancer_sensitivity", report.Lesion.CancerSensitivity, "lesion");
        Near(lesion, "benign_specificity", report.Lesion.BenignSpecificity, "lesion");
    }

    [Fact]
    public void Degenerate_cases_give_null_not_NaN()
    {
        var absent = Metrics.Compute(PredictionsCsv.Read(Path.Combine(CasesDir, "class_absent.csv")));
        Assert.Null(absent.MacroRocAuc);
        Assert.Null(absent.Classes[1].RocAuc);
        Assert.Null(absent.Classes[1].AveragePrecision);
        Assert.Null(absent.Classes[1].RecallCi);
        string json = Repro.IO.ReproJson.Serialize(absent);
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("macro_roc_auc", json);
    }

    private static void Near(JsonElement parent, string property, double? actual, string? context = null)
    {
        var e = parent.GetProperty(property);
        string what = context is null ? property : $"{context}.{property}";
        if (e.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{what}: expected null, got {actual}");
            return;
        }
        Assert.True(actual is not null, $"{what}: expected {e.GetDouble()}, got null");
        double expected = e.GetDouble();
        Assert.True(Math.Abs(expected - actual!.Value) <= Tolerance, $"{what}: expected {expected:R}, got {actual.Value:R}");
    }
}
