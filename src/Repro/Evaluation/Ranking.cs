namespace Repro.Evaluation;

/// <summary>
/// One-vs-rest ranking metrics on one score column, with per-sample multiplicities so that the
/// bootstrap can reuse one sort. Ties are handled as scikit-learn does: the curves only have points
/// at distinct score values.
/// </summary>
internal static class Ranking
{
    /// <summary>Sample indices ordered by descending score.</summary>
    public static int[] OrderDescending(double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        return order;
    }

    /// <summary>
    /// ROC AUC (trapezoid over distinct thresholds, as <c>roc_auc_score</c>), computed exactly as the
    /// Mann-Whitney statistic: P(score⁺ &gt; score⁻) + ½ P(tie), one rounding at the end. Null when
    /// there is no positive or no negative sample.
    /// </summary>
    public static double? RocAuc(int[] order, double[] scores, bool[] positive, int[] weights)
    {
        long pos = 0, neg = 0, twiceU = 0;
        int i = 0;
        while (i < order.Length)
        {
            long gp = 0, gn = 0;
            int j = i;
            double s = scores[order[i]];
            for (; j < order.Length && scores[order[j]] == s; j++)
            {
                int k = order[j];
                if (positive[k]) gp += weights[k]; else gn += weights[k];
            }
            twiceU += gn * (2 * pos + gp);
            pos += gp;
            neg += gn;
            i = j;
        }
        if (pos == 0 || neg == 0) return null;
        return twiceU / (2.0 * pos * neg);
    }

    /// <summary>
    /// Average precision as <c>average_precision_score</c>: Σ (Rₙ − Rₙ₋₁) Pₙ over distinct thresholds,
    /// step-wise, not interpolated. Null when there is no positive sample (scikit-learn warns and gives 0).
    /// </summary>
    public static double? AveragePrecision(int[] order, double[] scores, bool[] positive, int[] weights)
    {
        long totalPos = 0;
        foreach (int k in order) if (positive[k]) totalPos += weights[k];
        if (totalPos == 0) return null;
        long tp = 0, fp = 0;
        double ap = 0, previousRecall = 0;
        int i = 0;
        while (i < order.Length)
        {
            int j = i;
            double s = scores[order[i]];
            for (; j < order.Length && scores[order[j]] == s; j++)
            {
                int k = order[j];
                if (positive[k]) tp += weights[k]; else fp += weights[k];
            }
            i = j;
            if (tp + fp == 0) continue;
            double recall = (double)tp / totalPos;
            ap += (recall - previousRecall) * ((double)tp / (tp + fp));
            previousRecall = recall;
        }
        return ap;
    }
}
