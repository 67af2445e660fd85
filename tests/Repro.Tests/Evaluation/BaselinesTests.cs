using Repro.Data;
using Repro.Evaluation;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

public class BaselinesTests
{
    private static List<Prediction> StudyTestSet()
    {
        var list = new List<Prediction>();
        int i = 0;
        foreach (var (label, count) in new[] { (0, 267), (1, 20), (2, 18) })
            for (int k = 0; k < count; k++, i++) list.Add(P($"t{i}", label, 0.2, 0.3, 0.5, $"patient{i / 2}"));
        return list;
    }

    [Fact]
    public void All_normal_scores_the_majority_rate_and_a_third_balanced_accuracy()
    {
        var baseline = Baselines.AllNormal(StudyTestSet());
        Assert.All(baseline, p => Assert.Equal(new[] { 1.0, 0, 0 }, p.Probabilities.ToArray()));
        Assert.Equal("patient0", baseline[0].Group);
        var r = Metrics.Compute(baseline);
        Assert.Equal(267.0 / 305, r.Accuracy, 1e-12);
        Assert.Equal(1.0 / 3, r.BalancedAccuracy, 1e-12);
        Assert.Equal(0, r.Classes[ClassLabels.Cancer].Recall);
        Assert.All(r.Classes, c => Assert.Equal(0.5, c.RocAuc!.Value, 1e-12));
        Assert.Equal(0, r.Mcc);
    }

    [Fact]
    public void Stratified_random_is_seeded_and_follows_the_training_frequencies()
    {
        var samples = Enumerable.Range(0, 6000).Select(i => P($"s{i}", i % 3, 1, 0, 0)).ToList();
        int[] train = { 600, 300, 100 };
        var a = Baselines.StratifiedRandom(samples, train, seed: 1);
        var b = Baselines.StratifiedRandom(samples, train, seed: 1);
        var c = Baselines.StratifiedRandom(samples, train, seed: 2);
        Assert.Equal(a.Select(p => p.Predicted), b.Select(p => p.Predicted));
        Assert.NotEqual(a.Select(p => p.Predicted), c.Select(p => p.Predicted));
        var share = Enumerable.Range(0, 3).Select(k => a.Count(p => p.Predicted == k) / 6000.0).ToArray();
        Assert.Equal(0.6, share[0], 0.03);
        Assert.Equal(0.3, share[1], 0.03);
        Assert.Equal(0.1, share[2], 0.03);
        Assert.All(a, p => Assert.Equal(1.0, p.Probabilities.Sum()));
        // chance level: balanced accuracy near 1/3
        Assert.Equal(1.0 / 3, Metrics.Compute(a).BalancedAccuracy, 0.03);
        Assert.Throws<ArgumentException>(() => Baselines.StratifiedRandom(samples, new[] { 1, 2 }, 0));
    }
}
