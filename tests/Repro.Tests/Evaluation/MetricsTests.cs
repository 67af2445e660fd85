using Repro.IO;
using Repro.Evaluation;
using Repro.Results;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

/// <summary>Metrics on tiny cases worked out by hand.</summary>
public class MetricsTests
{
    private const double Eps = 1e-12;

    // label  probabilities        predicted
    // s0 N   0.7 0.2 0.1          N
    // s1 N   0.5 0.3 0.2          N
    // s2 N   0.2 0.5 0.3          B   (wrong)
    // s3 B   0.3 0.6 0.1          B
    // s4 C   0.1 0.2 0.7          C
    // s5 C   0.4 0.1 0.5          C
    // confusion: N [2 1 0], B [0 1 0], C [0 0 2]
    private static readonly List<Prediction> Six = new()
    {
        P("s0", 0, 0.7, 0.2, 0.1), P("s1", 0, 0.5, 0.3, 0.2), P("s2", 0, 0.2, 0.5, 0.3),
        P("s3", 1, 0.3, 0.6, 0.1), P("s4", 2, 0.1, 0.2, 0.7), P("s5", 2, 0.4, 0.1, 0.5),
    };

    [Fact]
    public void Six_sample_case_matches_hand_computation()
    {
        var r = Metrics.Compute(Six);
        Assert.Equal(6, r.N);
        Assert.Equal(new[] { new[] { 2, 1, 0 }, new[] { 0, 1, 0 }, new[] { 0, 0, 2 } }, r.ConfusionMatrix.Select(x => x.ToArray()).ToArray());
        Assert.Equal(5.0 / 6, r.Accuracy, Eps);
        // recalls 2/3, 1, 1
        Assert.Equal((2.0 / 3 + 1 + 1) / 3, r.BalancedAccuracy, Eps);
        // precision 1, 1/2, 1; F1 = 0.8, 2/3, 1
        Assert.Equal(new[] { 1.0, 0.5, 1.0 }, r.Classes.Select(c => c.Precision));
        Assert.Equal(0.8, r.Classes[0].F1, Eps);
        Assert.Equal(2.0 / 3, r.Classes[1].F1, Eps);
        Assert.Equal(1.0, r.Classes[2].F1, Eps);
        Assert.Equal(37.0 / 45, r.MacroF1, Eps);              // (0.8 + 2/3 + 1) / 3
        Assert.Equal(38.0 / 45, r.WeightedF1, Eps);           // (0.8·3 + 2/3·1 + 1·2) / 6
        // t = (3,1,2), p = (2,2,2): cov(y,ŷ) = 5·6 − 12 = 18, cov(ŷ,ŷ) = 36 − 12 = 24, cov(y,y) = 36 − 14 = 22
        Assert.Equal(18 / Math.Sqrt(22.0 * 24), r.Mcc, Eps);
        // normal vs rest: positives 0.7, 0.5, 0.2 against negatives 0.3, 0.1, 0.4: 3 + 3 + 1 = 7 of 9 pairs
        Assert.Equal(7.0 / 9, r.Classes[0].RocAuc!.Value, Eps);
        Assert.Equal(1.0, r.Classes[1].RocAuc!.Value, Eps);
        Assert.Equal(1.0, r.Classes[2].RocAuc!.Value, Eps);
        Assert.Equal((7.0 / 9 + 2) / 3, r.MacroRocAuc!.Value, Eps);
        // normal by p desc: P P N N P N → 1/3·1 + 1/3·1 + 1/3·3/5
        Assert.Equal(13.0 / 15, r.Classes[0].AveragePrecision!.Value, Eps);
        // specificity / npv: normal TN 3, FP 0, FN 1; benign TN 4, FP 1, FN 0
        Assert.Equal(1.0, r.Classes[0].Specificity, Eps);
        Assert.Equal(0.75, r.Classes[0].Npv, Eps);
        Assert.Equal(0.8, r.Classes[1].Specificity, Eps);
        Assert.Equal(1.0, r.Classes[1].Npv, Eps);
        // squared distances 0.14, 0.38, 0.98, 0.26, 0.14, 0.42
        Assert.Equal(2.32 / 6, r.Brier, Eps);
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.5) + Math.Log(0.2) + Math.Log(0.6) + Math.Log(0.7) + Math.Log(0.5)) / 6, r.LogLoss, Eps);
        // top-probability bins: {0.5, 0.5, 0.5} acc 2/3, {0.6} acc 1, {0.7, 0.7} acc 1
        Assert.Equal(3.0 / 6 * (2.0 / 3 - 0.5) + 1.0 / 6 * 0.4 + 2.0 / 6 * 0.3, r.Ece, Eps);
        Assert.Null(r.Intervals);
        Assert.Null(r.Bootstrap);
    }

    [Fact]
    public void A_class_never_predicted_has_zero_precision_and_f1()
    {
        // N N B C, predicted N N N C: benign never predicted
        var r = Metrics.Compute(new List<Prediction>
        {
            P("a", 0, 0.8, 0.1, 0.1), P("b", 0, 0.6, 0.3, 0.1), P("c", 1, 0.5, 0.4, 0.1), P("d", 2, 0.1, 0.1, 0.8),
        });
        Assert.Equal(0, r.Classes[1].Precision);
        Assert.Equal(0, r.Classes[1].Recall);
        Assert.Equal(0, r.Classes[1].F1);
        Assert.Equal((1 + 0 + 1) / 3.0, r.BalancedAccuracy, Eps);
        // F1 normal = 2·(2/3)·1 / (5/3) = 0.8; macro over the three classes present in y
        Assert.Equal((0.8 + 0 + 1) / 3, r.MacroF1, Eps);
        Assert.Equal(1.0, r.Classes[1].RocAuc!.Value, Eps); // 0.4 beats 0.1, 0.3, 0.1
    }

    [Fact]
    public void A_class_absent_from_the_labels_is_left_out_of_balanced_accuracy_and_has_null_ranking_metrics()
    {
        // no benign label; one image predicted benign
        var r = Metrics.Compute(new List<Prediction>
        {
            P("a", 0, 0.8, 0.1, 0.1), P("b", 0, 0.2, 0.7, 0.1), P("c", 2, 0.1, 0.1, 0.8), P("d", 2, 0.3, 0.2, 0.5),
        });
        Assert.Equal((0.5 + 1) / 2, r.BalancedAccuracy, Eps);   // mean over normal and cancer only
        // benign predicted once, never true: F1 0 and counted in the macro (present in ŷ)
        Assert.Equal((2.0 / 3 + 0 + 1) / 3, r.MacroF1, Eps);
        Assert.Null(r.Classes[1].RocAuc);
        Assert.Null(r.Classes[1].AveragePrecision);
        Assert.Null(r.MacroRocAuc);
        Assert.Null(r.Classes[1].RecallCi);
        Assert.Equal(0, r.Classes[1].Support);
    }

    [Fact]
    public void All_probabilities_tied_give_chance_auc_and_prevalence_ap()
    {
        double third = 1.0 / 3;
        var list = new List<Prediction>();
        int[] labels = { 0, 0, 0, 0, 0, 1, 1, 2 };
        for (int i = 0; i < labels.Length; i++) list.Add(P($"s{i}", labels[i], third, third, third));
        var r = Metrics.Compute(list);
        Assert.All(r.Classes, c => Assert.Equal(0.5, c.RocAuc!.Value, Eps));
        Assert.Equal(5.0 / 8, r.Classes[0].AveragePrecision!.Value, Eps);
        Assert.Equal(2.0 / 8, r.Classes[1].AveragePrecision!.Value, Eps);
        Assert.Equal(1.0 / 8, r.Classes[2].AveragePrecision!.Value, Eps);
        Assert.Equal(5.0 / 8, r.Accuracy, Eps);          // arg-max tie → normal, the lowest index
        Assert.Equal(0.0, r.Mcc);                        // only one class predicted: undefined → 0
    }

    [Fact]
    public void Perfect_one_hot_predictions_clip_log_loss_at_machine_epsilon()
    {
        var r = Metrics.Compute(new List<Prediction> { P("a", 0, 1, 0, 0), P("b", 1, 0, 1, 0), P("c", 2, 0, 0, 1) });
        Assert.Equal(1, r.Accuracy);
        Assert.Equal(1, r.Mcc);
        Assert.Equal(0, r.Brier);
        Assert.Equal(0, r.Ece);
        // clip to [ε, 1−ε], renormalise by 1 + ε: −log((1−ε)/(1+ε)) ≈ 2ε
        Assert.Equal(-Math.Log((1 - Metrics.LogLossEpsilon) / (1 + Metrics.LogLossEpsilon)), r.LogLoss, 1e-30);
        Assert.InRange(r.LogLoss, 1e-16, 1e-15);
    }

    [Fact]
    public void Report_round_trips_through_repro_json_with_snake_case_keys()
    {
        var r = Metrics.Compute(Six, new MetricOptions(BootstrapResamples: 200, Seed: 3));
        string json = ReproJson.Serialize(r);
        foreach (string key in new[] { "\"accuracy\"", "\"balanced_accuracy\"", "\"macro_f1\"", "\"weighted_f1\"", "\"mcc\"", "\"macro_roc_auc\"",
                                       "\"brier\"", "\"log_loss\"", "\"ece\"", "\"confusion_matrix\"", "\"classes\"", "\"recall_ci\"",
                                       "\"specificity_ci\"", "\"average_precision\"", "\"npv\"", "\"intervals\"", "\"recall_cancer\"", "\"lower\"" })
            Assert.Contains(key, json);
        var back = ReproJson.Deserialize<MetricReport>(json, "test");
        Assert.Equal(r.Accuracy, back.Accuracy);
        Assert.Equal(r.Classes, back.Classes);
        Assert.Equal(r.Intervals!["macro_f1"], back.Intervals!["macro_f1"]);
        Assert.Equal(r.Bootstrap, back.Bootstrap);
    }

    [Fact]
    public void Value_looks_metrics_up_by_name()
    {
        var r = Metrics.Compute(Six);
        Assert.Equal(r.BalancedAccuracy, r.Value("balanced_accuracy"));
        Assert.Equal(r.Classes[2].Recall, r.Value("recall_cancer"));
        Assert.Equal(r.Classes[0].RocAuc, r.Value("roc_auc_normal"));
        Assert.Throws<ArgumentException>(() => r.Value("recall_unknown"));
    }

    [Fact]
    public void Invalid_predictions_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Metrics.Compute(new List<Prediction>()));
        Assert.Throws<ArgumentException>(() => Metrics.Compute(new List<Prediction> { new("a", 0, new[] { 0.5, 0.5 }) }));
        Assert.Throws<ArgumentException>(() => Metrics.Compute(new List<Prediction> { P("a", 3, 0.5, 0.5, 0) }));
        Assert.Throws<ArgumentException>(() => Metrics.Compute(new List<Prediction> { P("a", 0, double.NaN, 0.5, 0) }));
        Assert.Throws<ArgumentException>(() => Metrics.Compute(new List<Prediction> { P("a", 0, 0, 0, 0) }));
    }

    [Fact]
    public void Confusion_matrix_counts_one_vs_rest()
    {
        var cm = ConfusionMatrix.From(Six);
        Assert.Equal(6, cm.Total);
        Assert.Equal(5, cm.Correct);
        Assert.Equal(3, cm.Support(0));
        Assert.Equal(2, cm.PredictedCount(1));
        Assert.Equal(1, cm.FalsePositives(1));
        Assert.Equal(1, cm.FalseNegatives(0));
        Assert.Equal(4, cm.TrueNegatives(1));
        Assert.Equal(1, cm[0, 1]);
    }
}
