using Repro.Evaluation;
using Repro.Reporting;

namespace Repro.Tests.Reporting;

public class RankingCurvesTests
{
    private static Prediction P(int label, double cancer) => new($"x{label}{cancer}", label, new[] { (1 - cancer) / 2, (1 - cancer) / 2, cancer });

    [Fact]
    public void Roc_and_pr_have_one_point_per_distinct_score()
    {
        // cancer scores: 0.9 (cancer), 0.8 (normal), 0.8 (cancer), 0.1 (benign)
        var preds = new[] { P(2, 0.9), P(0, 0.8), P(2, 0.8), P(1, 0.1) };
        var roc = RankingCurves.Roc(preds, 2)!;
        Assert.Equal(new[] { 0, 0, 0.5, 1 }, roc.X);
        Assert.Equal(new[] { 0, 0.5, 1, 1 }, roc.Y);
        var pr = RankingCurves.PrecisionRecall(preds, 2)!;
        Assert.Equal(new[] { 0, 0.5, 1, 1 }, pr.X);
        Assert.Equal(new[] { 1, 1, 2.0 / 3, 0.5 }, pr.Y);
        Assert.Null(RankingCurves.Roc(new[] { P(2, 0.5) }, 2));
        Assert.Null(RankingCurves.PrecisionRecall(new[] { P(0, 0.5) }, 2));
    }
}
