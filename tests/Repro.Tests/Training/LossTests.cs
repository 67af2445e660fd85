using Repro.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Tests.Training;

public class LossTests
{
    // Reference values are computed here in double precision from the formulas, independently of libtorch.
    private static readonly double[][] Logits = { new[] { 2.0, 1.0, 0.0 }, new[] { 0.5, -1.0, 1.5 } };
    private static readonly long[] Labels = { 0, 2 };

    private static double[] LogSoftmax(double[] z)
    {
        double lse = Math.Log(z.Sum(Math.Exp));
        return z.Select(v => v - lse).ToArray();
    }

    private static (Tensor Logits, Tensor Labels) Batch()
    {
        TestRuntime.Init();
        return (tensor(Logits.SelectMany(r => r.Select(v => (float)v)).ToArray(), new long[] { 2, 3 }), tensor(Labels));
    }

    [Fact]
    public void Cross_entropy_is_the_mean_negative_log_likelihood()
    {
        var (x, y) = Batch();
        double expected = (-LogSoftmax(Logits[0])[0] - LogSoftmax(Logits[1])[2]) / 2; // 0.40760596 and 0.37154
        Assert.Equal(expected, new CrossEntropy().Compute(x, y).item<float>(), 5);
        Assert.Equal(0.389573, expected, 5);
    }

    [Fact]
    public void Weighted_cross_entropy_divides_by_the_sum_of_target_weights()
    {
        var (x, y) = Batch();
        double[] w = { 1, 2, 3 };
        double expected = (w[0] * -LogSoftmax(Logits[0])[0] + w[2] * -LogSoftmax(Logits[1])[2]) / (w[0] + w[2]);
        Assert.Equal(expected, new CrossEntropy(w).Compute(x, y).item<float>(), 5);
    }

    [Fact]
    public void Label_smoothing_mixes_in_the_uniform_distribution()
    {
        var (x, y) = Batch();
        const double eps = 0.1;
        double Sample(int i, int label)
        {
            var lp = LogSoftmax(Logits[i]);
            return (1 - eps) * -lp[label] + eps / 3 * -lp.Sum();
        }
        double expected = (Sample(0, 0) + Sample(1, 2)) / 2;
        Assert.Equal(expected, new CrossEntropy(null, eps).Compute(x, y).item<float>(), 5);
    }

    [Fact]
    public void Focal_loss_matches_the_study_formula_with_its_alphas()
    {
        var (x, y) = Batch();
        double Sample(int i, int label)
        {
            double ce = -LogSoftmax(Logits[i])[label];
            double pt = Math.Exp(-ce);
            return FocalLoss.StudyAlpha[label] * Math.Pow(1 - pt, 2) * ce;
        }
        double expected = (Sample(0, 0) + Sample(1, 2)) / 2; // mean over the batch, not divided by Σα
        Assert.Equal(expected, new FocalLoss(FocalLoss.StudyAlpha, 2).Compute(x, y).item<float>(), 5);
    }

    [Fact]
    public void Focal_loss_with_gamma_zero_and_unit_alpha_is_cross_entropy()
    {
        var (x, y) = Batch();
        Assert.Equal(new CrossEntropy().Compute(x, y).item<float>(), new FocalLoss(new[] { 1.0, 1, 1 }, 0).Compute(x, y).item<float>(), 6);
    }

    [Fact]
    public void Soft_targets_equal_hard_targets_when_one_hot()
    {
        var (x, y) = Batch();
        var soft = nn.functional.one_hot(y, 3).to(ScalarType.Float32);
        Assert.Equal(new CrossEntropy().Compute(x, y).item<float>(), new CrossEntropy().Compute(x, soft).item<float>(), 6);
        var focal = new FocalLoss(FocalLoss.StudyAlpha);
        Assert.Equal(focal.Compute(x, y).item<float>(), focal.Compute(x, soft).item<float>(), 6);
    }

    [Fact]
    public void Loss_spec_builds_inverse_frequency_weights_and_rejects_unknown_kinds()
    {
        var w = LossSpec.InverseFrequency(new[] { 2145, 186, 132 });
        Assert.Equal(1.0, w.Average(), 12);
        Assert.Equal(2145.0 / 132, w[2] / w[0], 9);
        Assert.IsType<FocalLoss>(new LossSpec(LossKind.Focal).Create(new[] { 1, 1, 1 }));
        var e = Assert.Throws<ArgumentException>(() => new LossSpec((LossKind)7).Create(new[] { 1, 1, 1 }));
        Assert.Contains("loss kind '7' is not known: use ce, weighted-ce, focal", e.Message);
    }
}
