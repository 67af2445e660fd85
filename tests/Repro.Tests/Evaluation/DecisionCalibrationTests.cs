using Repro.Evaluation;

namespace Repro.Tests.Evaluation;

public class DecisionCalibrationTests
{
    private static Prediction P(int label, double n, double b, double c) => new($"x{label}{n}{b}", label, new[] { n, b, c });

    [Fact]
    public void Offsets_fitted_on_validation_fix_a_shifted_boundary()
    {
        // Benign images score 0.4 for benign against 0.6 for normal: argmax never says benign (balanced accuracy 2/3).
        var val = new List<Prediction>();
        for (int i = 0; i < 10; i++) val.Add(P(0, 0.9, 0.1, 0.0));
        for (int i = 0; i < 5; i++) val.Add(P(1, 0.6, 0.4, 0.0));
        for (int i = 0; i < 5; i++) val.Add(P(2, 0.1, 0.0, 0.9));
        Assert.Equal(2.0 / 3, Metrics.Compute(val).BalancedAccuracy, 9);

        var offsets = DecisionCalibration.Fit(val);
        Assert.Equal(0.0, offsets[0]);
        // benign needs b1 > log(0.6/0.4) = 0.405 and b1 < log(0.9/0.1) = 2.197; the smallest such grid point is 0.5
        Assert.Equal(0.5, offsets[1], 9);
        Assert.Equal(0.0, offsets[2], 9);
        var calibrated = DecisionCalibration.Apply(val, offsets);
        Assert.Equal(1.0, Metrics.Compute(calibrated).BalancedAccuracy, 9);
        Assert.All(calibrated, p => Assert.Equal(1.0, p.Probabilities.Sum(), 12));
    }

    [Fact]
    public void Already_balanced_predictions_keep_zero_offsets()
    {
        var val = new[] { P(0, 0.8, 0.1, 0.1), P(1, 0.1, 0.8, 0.1), P(2, 0.1, 0.1, 0.8) };
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, DecisionCalibration.Fit(val));
    }
}
