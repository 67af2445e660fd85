using Repro.Evaluation;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

public class LesionMetricsTests
{
    // Lesion scores p_c / (p_b + p_c): benign 0.25, 0.5 (a tie: called benign), 0.889; cancer 0.8, 0.25.
    // AUC: 0.8 beats 0.25 and 0.5 (2), 0.25 ties 0.25 (½): 2.5 / 6. Calls: cancer for 0.889 and 0.8 only,
    // so sensitivity 1/2, specificity 2/3, balanced accuracy 7/12. The normal image is left out.
    private static List<Prediction> HandWorked() => new()
    {
        P("b1", 1, 0.2, 0.6, 0.2, "P1"), P("b2", 1, 0.5, 0.25, 0.25, "P2"), P("b3", 1, 0.1, 0.1, 0.8, "P3"),
        P("c1", 2, 0.0, 0.2, 0.8, "P4"), P("c2", 2, 0.6, 0.3, 0.1, "P4"), P("n1", 0, 0.1, 0.1, 0.8, "P5"),
    };

    [Fact]
    public void Hand_worked_auc_balanced_accuracy_and_calls_on_the_lesion_images_only()
    {
        var r = LesionMetrics.Compute(HandWorked())!;
        Assert.Equal(5, r.N);
        Assert.Equal(3, r.Benign);
        Assert.Equal(2, r.Cancer);
        Assert.Equal(4, r.Patients);
        Assert.Equal(2.5 / 6, r.RocAuc, 1e-15);
        Assert.Equal(7.0 / 12, r.BalancedAccuracy, 1e-15);
        Assert.Equal(0.5, r.CancerSensitivity);
        Assert.Equal(2.0 / 3, r.BenignSpecificity, 1e-15);
        Assert.Equal(WilsonInterval.Compute(1, 2), r.CancerSensitivityCi);
        Assert.Null(r.Intervals);
        Assert.Equal(0.25, LesionMetrics.Score(HandWorked()[0]), 1e-15);
        Assert.Equal(0.5, LesionMetrics.Score(P("x", 1, 1, 0, 0)));
    }

    [Fact]
    public void Metric_report_carries_the_lesion_block_and_names_its_values()
    {
        var report = Metrics.Compute(HandWorked());
        Assert.Equal(2.5 / 6, report.Value(MetricNames.LesionRocAuc)!.Value, 1e-15);
        Assert.Equal(7.0 / 12, report.Value(MetricNames.LesionBalancedAccuracy)!.Value, 1e-15);
        // no cancer image among the lesions: undefined, so absent
        var benignOnly = HandWorked().Where(p => p.Label != 2).ToList();
        Assert.Null(LesionMetrics.Compute(benignOnly));
        Assert.Null(Metrics.Compute(benignOnly).Value(MetricNames.LesionRocAuc));
    }

    [Fact]
    public void Bootstrap_resamples_the_lesion_patients_and_is_seeded()
    {
        var predictions = Random(300, 7, groups: true);
        var options = new MetricOptions(BootstrapResamples: 500, Seed: 3);
        var a = LesionMetrics.Compute(predictions, options)!;
        var b = LesionMetrics.Compute(predictions, options)!;
        Assert.Equal(Bootstrap.GroupUnit, a.Bootstrap!.Unit);
        // lesion images are those with label 1 or 2; patient i/2 → the distinct patients among them
        int patients = predictions.Where(p => p.Label != 0).Select(p => p.Group).Distinct().Count();
        Assert.Equal(patients, a.Bootstrap.Units);
        Assert.Equal(patients, a.Patients);
        Assert.Equal(a.Intervals, b.Intervals);
        foreach (string name in LesionMetrics.IntervalNames)
        {
            var ci = a.Intervals![name];
            Assert.True(ci.Lower <= ci.Upper && ci.Lower >= 0 && ci.Upper <= 1, $"{name}: {ci}");
        }
        Assert.InRange(a.RocAuc, a.Intervals![LesionMetrics.RocAuc].Lower, a.Intervals[LesionMetrics.RocAuc].Upper);
        Assert.NotEqual(a.Intervals, LesionMetrics.Compute(predictions, options with { Seed = 4 })!.Intervals);

        // perfectly separated lesions: every resample has AUC 1
        var separated = predictions.Select(p => p.Label == 0 ? p : P(p.Id, p.Label, 0.2, p.Label == 1 ? 0.7 : 0.1, p.Label == 1 ? 0.1 : 0.7, p.Group)).ToList();
        var perfect = LesionMetrics.Compute(separated, options)!;
        Assert.Equal(new ConfidenceInterval(1, 1), perfect.Intervals![LesionMetrics.RocAuc]);
    }

    [Fact]
    public void Operating_point_maximises_youden_on_validation_and_is_applied_unchanged_to_test()
    {
        // validation scores: cancers 0.9 0.7 0.4, benign 0.2 0.5 0.6 0.1. Sensitivity + specificity over the
        // distinct scores: 0.1 → 1, 0.2 → 1.25, 0.4 → 1.5, 0.5 → 1.17, 0.6 → 1.42, 0.7 → 1.67, 0.9 → 1.33: t = 0.7.
        static Prediction L(string id, int label, double s) => P(id, label, 0, 1 - s, s);
        var validation = new List<Prediction>
        {
            L("vc1", 2, 0.9), L("vc2", 2, 0.7), L("vc3", 2, 0.4),
            L("vb1", 1, 0.2), L("vb2", 1, 0.5), L("vb3", 1, 0.6), L("vb4", 1, 0.1), P("vn", 0, 0.5, 0.0, 0.5),
        };
        var test = new List<Prediction> { L("tc1", 2, 0.75), L("tc2", 2, 0.69), L("tc3", 2, 0.95), L("tb1", 1, 0.1), L("tb2", 1, 0.8), P("tn", 0, 0.01, 0.01, 0.98) };
        var op = LesionMetrics.OperatingPoint(validation, test)!;
        Assert.Equal(0.7, op.Threshold, 1e-15);
        Assert.Equal(7, op.Validation.N);
        Assert.Equal(2.0 / 3, op.Validation.Sensitivity!.Value, 1e-15);
        Assert.Equal(1.0, op.Validation.Specificity);
        Assert.Equal(5, op.Test.N);
        Assert.Equal(2, op.Test.TruePositives);
        Assert.Equal(1, op.Test.TrueNegatives);
        Assert.Equal(WilsonInterval.Compute(2, 3), op.Test.SensitivityCi);
        Assert.Null(LesionMetrics.OperatingPoint(validation.Where(p => p.Label != 1).ToList(), test));
    }
}
