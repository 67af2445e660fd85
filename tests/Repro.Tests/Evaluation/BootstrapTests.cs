using Repro.Runtime;
using Repro.Evaluation;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

public class BootstrapTests
{
    [Fact]
    public void Same_seed_gives_the_same_intervals_and_another_seed_other_ones()
    {
        var predictions = Random(90, seed: 11);
        var a = Bootstrap.Compute(predictions, 2000, seed: 7);
        var b = Bootstrap.Compute(predictions, 2000, seed: 7);
        var c = Bootstrap.Compute(predictions, 2000, seed: 8);
        Assert.Equal(MetricNames.Bootstrapped, a.Intervals.Keys);
        foreach (string name in MetricNames.Bootstrapped) Assert.Equal(a.Intervals[name], b.Intervals[name]);
        Assert.NotEqual(a.Intervals["accuracy"], c.Intervals["accuracy"]);
        Assert.Equal(new BootstrapSettings(2000, 7, 0.95, Bootstrap.ImageUnit, 90), a.Settings);
    }

    [Fact]
    public void Intervals_surround_the_point_estimates()
    {
        var predictions = Random(150, seed: 5);
        var report = Metrics.Compute(predictions, new MetricOptions(BootstrapResamples: 2000, Seed: 1));
        foreach (string name in MetricNames.Bootstrapped)
        {
            var ci = report.Intervals![name];
            double value = report.Value(name)!.Value;
            Assert.True(ci.Lower <= value && value <= ci.Upper, $"{name}: {value} outside [{ci.Lower}, {ci.Upper}]");
            Assert.True(ci.Upper - ci.Lower > 0.01, $"{name}: interval suspiciously narrow");
        }
    }

    [Fact]
    public void Grouped_resampling_keeps_each_patients_images_together()
    {
        // Each patient has one image right (normal → normal) and one wrong (benign → normal). Drawing
        // whole patients, every resample holds as many right as wrong images: accuracy is exactly 0.5
        // in all of them. Drawing images, it varies.
        var predictions = new List<Prediction>();
        for (int i = 0; i < 30; i++)
        {
            predictions.Add(P($"p{i}-a", 0, 0.8, 0.1, 0.1, group: $"patient{i:00}"));
            predictions.Add(P($"p{i}-b", 1, 0.7, 0.2, 0.1, group: $"patient{i:00}"));
        }
        var grouped = Bootstrap.Compute(predictions, 2000, seed: 3);
        Assert.Equal(Bootstrap.GroupUnit, grouped.Settings.Unit);
        Assert.Equal(30, grouped.Settings.Units);
        Assert.Equal(new ConfidenceInterval(0.5, 0.5), grouped.Intervals["accuracy"]);
        Assert.Equal(new ConfidenceInterval(0.5, 0.5), grouped.Intervals["balanced_accuracy"]);

        var images = Bootstrap.Compute(predictions.Select(p => p with { Group = null }).ToList(), 2000, seed: 3);
        Assert.Equal(Bootstrap.ImageUnit, images.Settings.Unit);
        Assert.True(images.Intervals["accuracy"].Upper - images.Intervals["accuracy"].Lower > 0.1);
    }

    [Fact]
    public void One_prediction_without_group_falls_back_to_images()
    {
        var predictions = Random(20, seed: 2, groups: true);
        Assert.Equal(Bootstrap.GroupUnit, Bootstrap.Compute(predictions, 10, 0).Settings.Unit);
        predictions[5] = predictions[5] with { Group = null };
        Assert.Equal(Bootstrap.ImageUnit, Bootstrap.Compute(predictions, 10, 0).Settings.Unit);
    }

    [Fact]
    public void Group_order_in_the_input_does_not_matter()
    {
        var predictions = Random(60, seed: 9, groups: true);
        var reversed = predictions.AsEnumerable().Reverse().ToList();
        var a = Bootstrap.Compute(predictions, 500, 4);
        var b = Bootstrap.Compute(reversed, 500, 4);
        foreach (string name in MetricNames.Bootstrapped)
        {
            Assert.Equal(a.Intervals[name].Lower, b.Intervals[name].Lower, 1e-12);
            Assert.Equal(a.Intervals[name].Upper, b.Intervals[name].Upper, 1e-12);
        }
    }

    [Fact]
    public void Percentile_interpolates_like_numpy()
    {
        double[] sorted = { 1, 2, 3, 4, 5 };
        Assert.Equal(1.1, Bootstrap.Percentile(sorted, 0.025), 1e-12);   // numpy.percentile(…, 2.5)
        Assert.Equal(4.9, Bootstrap.Percentile(sorted, 0.975), 1e-12);
        Assert.Equal(3, Bootstrap.Percentile(sorted, 0.5));
    }

    [Fact]
    public void SplitMix64_and_xoshiro_are_deterministic()
    {
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, Xoshiro256StarStar.SplitMix64(ref state));
        var a = new Xoshiro256StarStar(42);
        var b = new Xoshiro256StarStar(42);
        for (int i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
        var r = new Xoshiro256StarStar(1);
        var counts = new int[3];
        for (int i = 0; i < 30000; i++) counts[r.NextInt(3)]++;
        Assert.All(counts, c => Assert.InRange(c, 9500, 10500));
        Assert.InRange(new Xoshiro256StarStar(5).NextDouble(), 0, 1);
    }
}
