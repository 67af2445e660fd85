using Repro.Evaluation;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

public class MultiSeedSummaryTests
{
    [Fact]
    public void Mean_sample_sd_min_and_max_per_metric()
    {
        var reports = new ulong[] { 1, 2, 3 }.Select(s => Metrics.Compute(Random(60, s))).ToList();
        var summary = MultiSeedSummary.Summarize(reports);
        Assert.Equal(3, summary.Runs);
        Assert.Equal(MetricNames.Summarized, summary.Metrics.Keys);
        double[] acc = reports.Select(r => r.Accuracy).ToArray();
        var s = summary.Metrics["accuracy"];
        double mean = acc.Average();
        Assert.Equal(mean, s.Mean, 1e-15);
        Assert.Equal(Math.Sqrt(acc.Sum(v => (v - mean) * (v - mean)) / 2), s.Sd!.Value, 1e-15);
        Assert.Equal(acc.Min(), s.Min);
        Assert.Equal(acc.Max(), s.Max);
        Assert.Equal(3, s.N);
        Assert.Equal(reports.Average(r => r.Classes[2].Recall), summary.Metrics["recall_cancer"].Mean, 1e-15);
    }

    [Fact]
    public void Hand_checked_values_and_null_metrics_are_skipped()
    {
        // accuracies 0.5, 0.7, 0.9: mean 0.7, sd = sqrt((0.04 + 0 + 0.04) / 2) = 0.2
        static MetricReport R(double accuracy, double? auc) => new(10, accuracy, 0.5, 0.5, 0.5, 0, auc, 0.1, 0.2, 0.05,
            new[] { new[] { 1, 0, 0 }, new[] { 0, 1, 0 }, new[] { 0, 0, 1 } },
            new[] { "normal", "benign", "cancer" }.Select(n => new ClassMetrics(n, 1, 1, 1, 1, 1, 1, null, null, null, null)).ToArray());
        var summary = MultiSeedSummary.Summarize(new[] { R(0.5, 0.8), R(0.7, null), R(0.9, null) });
        Assert.Equal(0.7, summary.Metrics["accuracy"].Mean, 1e-15);
        Assert.Equal(0.2, summary.Metrics["accuracy"].Sd!.Value, 1e-15);
        Assert.Equal(0.7, summary.Metrics["accuracy"].TrimmedMean!.Value, 1e-15);
        var auc = summary.Metrics["macro_roc_auc"];
        Assert.Equal(1, auc.N);
        Assert.Null(auc.Sd);
        Assert.Equal(0.8, auc.Mean);
        Assert.Throws<ArgumentException>(() => MultiSeedSummary.Summarize(Array.Empty<MetricReport>()));
    }

    [Fact]
    public void Trimmed_mean_drops_the_best_and_the_worst_run()
    {
        // 0.1 0.2 0.3 1.0: mean 0.4; without 0.1 and 1.0: 0.25. Two runs: nothing left to trim.
        var s = SummaryStatistics.Of(new[] { 0.3, 1.0, 0.1, 0.2 });
        Assert.Equal(0.4, s.Mean, 1e-15);
        Assert.Equal(0.25, s.TrimmedMean!.Value, 1e-15);
        Assert.Equal(0.1, s.Min);
        Assert.Equal(1.0, s.Max);
        Assert.Null(SummaryStatistics.Of(new[] { 0.3, 0.5 }).TrimmedMean);
    }
}
