using Repro.Evaluation;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

public class OperatingPointTests
{
    // Validation: cancers at p = 0.9, 0.8, 0.6, 0.3; ten non-cancers at
    // 0.05 0.1 0.1 0.2 0.25 0.3 0.35 0.4 0.5 0.7. Specificity ≥ 0.9 needs 9 of 10 negatives below t,
    // so t ∈ (0.5, 0.7]; the lowest validation probability there is 0.6 (a cancer's).
    private static List<Prediction> Validation()
    {
        var list = new List<Prediction>();
        double[] cancers = { 0.9, 0.8, 0.6, 0.3 };
        double[] others = { 0.05, 0.1, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.7 };
        for (int i = 0; i < cancers.Length; i++) list.Add(Cancer($"vc{i}", 2, cancers[i]));
        for (int i = 0; i < others.Length; i++) list.Add(Cancer($"vo{i}", i % 2, others[i]));
        return list;
    }

    [Fact]
    public void Threshold_is_the_lowest_reaching_the_target_specificity_on_validation()
    {
        Assert.Equal(0.6, OperatingPoint.ChooseThreshold(Validation()));
        // 0.8 needs 8 of 10 below t: t ∈ (0.4, 0.5] → 0.5
        Assert.Equal(0.5, OperatingPoint.ChooseThreshold(Validation(), 0.8));
        // 1.0 needs all 10 below t: t ∈ (0.7, …] → 0.8
        Assert.Equal(0.8, OperatingPoint.ChooseThreshold(Validation(), 1.0));
    }

    [Fact]
    public void Threshold_is_applied_unchanged_to_test()
    {
        // test: cancers 0.95, 0.65, 0.59, 0.2 → 2 of 4 called; non-cancers 0.1, 0.6, 0.3, 0.61, 0.05 → 3 of 5 below 0.6
        var test = new List<Prediction>
        {
            Cancer("tc0", 2, 0.95), Cancer("tc1", 2, 0.65), Cancer("tc2", 2, 0.59), Cancer("tc3", 2, 0.2),
            Cancer("to0", 0, 0.1), Cancer("to1", 0, 0.6), Cancer("to2", 1, 0.3), Cancer("to3", 1, 0.61), Cancer("to4", 0, 0.05),
        };
        var report = OperatingPoint.Evaluate(Validation(), test);
        Assert.Equal("cancer", report.PositiveClass);
        Assert.Equal(0.9, report.TargetSpecificity);
        Assert.Equal(0.6, report.Threshold);
        Assert.Equal(0.75, report.Validation.Sensitivity);
        Assert.Equal(0.9, report.Validation.Specificity);
        Assert.Equal(WilsonInterval.Compute(3, 4), report.Validation.SensitivityCi);
        Assert.Equal(WilsonInterval.Compute(9, 10), report.Validation.SpecificityCi);
        Assert.Equal(new OperatingPointStats(9, 4, 5, 2, 3, 0.5, WilsonInterval.Compute(2, 4), 0.6, WilsonInterval.Compute(3, 5)), report.Test);
    }

    [Fact]
    public void When_no_validation_probability_reaches_the_target_nobody_is_called_positive()
    {
        // the negatives share the top probability: every candidate threshold calls both positive
        var validation = new List<Prediction> { Cancer("c", 2, 0.5), Cancer("n1", 0, 0.9), Cancer("n2", 0, 0.9) };
        double t = OperatingPoint.ChooseThreshold(validation);
        Assert.True(t > 0.9);
        var stats = OperatingPoint.Apply(validation, t);
        Assert.Equal(1.0, stats.Specificity);
        Assert.Equal(0.0, stats.Sensitivity);
    }

    [Fact]
    public void Undefined_specificity_on_validation_is_an_error_and_missing_positives_give_null()
    {
        Assert.Throws<ArgumentException>(() => OperatingPoint.ChooseThreshold(new List<Prediction> { Cancer("c", 2, 0.5) }));
        var stats = OperatingPoint.Apply(new List<Prediction> { Cancer("n", 0, 0.2) }, 0.5);
        Assert.Null(stats.Sensitivity);
        Assert.Null(stats.SensitivityCi);
        Assert.Equal(1.0, stats.Specificity);
    }
}
