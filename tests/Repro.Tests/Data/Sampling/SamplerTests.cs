using Repro.Data.Sampling;
using Repro.Runtime;

namespace Repro.Tests.Data.Sampling;

public class SamplerTests
{
    private static int[] Mth416TrainLabels() =>
        [.. Enumerable.Repeat(0, 2145), .. Enumerable.Repeat(1, 186), .. Enumerable.Repeat(2, 132)];

    [Fact]
    public void Sequential_yields_every_index_in_order_each_epoch()
    {
        var s = new SequentialSampler(5);
        Assert.Equal(5, s.EpochLength);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, s.NextEpoch());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, s.NextEpoch());
    }

    [Fact]
    public void Shuffled_is_a_permutation_same_for_one_seed_and_new_each_epoch()
    {
        TestRuntime.Init();
        using var g1 = TorchRuntime.Generator(7, 1);
        using var g2 = TorchRuntime.Generator(7, 1);
        var a = new ShuffledSampler(100, g1);
        var b = new ShuffledSampler(100, g2);
        var a1 = a.NextEpoch();
        var a2 = a.NextEpoch();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), a1.Order());
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), a2.Order());
        Assert.NotEqual(a1, a2);
        Assert.Equal(a1, b.NextEpoch());
        Assert.Equal(a2, b.NextEpoch());
        using var g3 = TorchRuntime.Generator(8, 1);
        Assert.NotEqual(a1, new ShuffledSampler(100, g3).NextEpoch());
    }

    [Fact]
    public void Class_weighted_draws_each_class_about_a_third_of_the_time()
    {
        TestRuntime.Init();
        var labels = Mth416TrainLabels();
        using var g = TorchRuntime.Generator(42, 2);
        var s = new ClassWeightedSampler(labels, g);
        Assert.Equal(2463, s.EpochLength);
        Assert.All(s.ExpectedClassShares, share => Assert.Equal(1.0 / 3, share, 12));
        var counts = new long[3];
        for (int e = 0; e < 20; e++)
            foreach (long i in s.NextEpoch()) counts[labels[i]]++;
        double total = counts.Sum();
        // 49,260 draws: the standard error of a share is ≈ 0.0021; allow 5 of them.
        Assert.All(counts, c => Assert.InRange(c / total, 1.0 / 3 - 0.011, 1.0 / 3 + 0.011));
    }

    [Fact]
    public void Class_weighted_draws_with_replacement_and_repeats_for_one_seed_but_not_across_epochs()
    {
        TestRuntime.Init();
        var labels = Mth416TrainLabels();
        using var g1 = TorchRuntime.Generator(3, 2);
        using var g2 = TorchRuntime.Generator(3, 2);
        var a = new ClassWeightedSampler(labels, g1);
        var b = new ClassWeightedSampler(labels, g2);
        var e1 = a.NextEpoch();
        var e2 = a.NextEpoch();
        Assert.Equal(e1, b.NextEpoch());
        Assert.Equal(e2, b.NextEpoch());
        Assert.NotEqual(e1, e2);
        Assert.True(e1.Distinct().Count() < e1.Length, "with replacement, some indices repeat");
        Assert.All(e1, i => Assert.InRange(i, 0, labels.Length - 1));
    }

    [Fact]
    public void Class_weighted_honours_given_class_weights_and_sample_count()
    {
        TestRuntime.Init();
        int[] labels = [.. Enumerable.Repeat(0, 50), .. Enumerable.Repeat(1, 50), .. Enumerable.Repeat(2, 100)];
        using var g = TorchRuntime.Generator(11, 2);
        var s = new ClassWeightedSampler(labels, g, classWeights: [1.0, 3.0, 0.0], numSamples: 20000);
        Assert.Equal(20000, s.EpochLength);
        Assert.Equal(0.25, s.ExpectedClassShares[0], 12);
        Assert.Equal(0.75, s.ExpectedClassShares[1], 12);
        Assert.Equal(0.0, s.ExpectedClassShares[2], 12);
        var drawn = s.NextEpoch();
        Assert.Equal(20000, drawn.Length);
        var counts = new double[3];
        foreach (long i in drawn) counts[labels[i]]++;
        Assert.Equal(0, counts[2]);
        Assert.InRange(counts[1] / drawn.Length, 0.74 - 0.015, 0.76 + 0.015);
    }

    [Fact]
    public void Class_weighted_rejects_bad_weights()
    {
        TestRuntime.Init();
        using var g = TorchRuntime.Generator(1, 2);
        Assert.Throws<ArgumentException>(() => new ClassWeightedSampler([0, 1, 2], g, classWeights: [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new ClassWeightedSampler([0, 1], g, classWeights: [0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => new ClassWeightedSampler([], g));
    }
}
