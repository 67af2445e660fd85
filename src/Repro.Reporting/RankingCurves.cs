using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>
/// One-vs-rest ROC and precision-recall curves of one class's probability, with points only at distinct
/// scores (as scikit-learn's <c>roc_curve(drop_intermediate=False)</c> and <c>precision_recall_curve</c>).
/// </summary>
public static class RankingCurves
{
    /// <summary>ROC curve (false-positive rate, true-positive rate) from (0,0) to (1,1); null without positives or negatives.</summary>
    public static Curve? Roc(IReadOnlyList<Prediction> predictions, int label)
    {
        var (pos, neg, steps) = Steps(predictions, label);
        if (pos == 0 || neg == 0) return null;
        var x = new List<double> { 0 };
        var y = new List<double> { 0 };
        foreach (var (tp, fp) in steps)
        {
            x.Add((double)fp / neg);
            y.Add((double)tp / pos);
        }
        return new Curve(x.ToArray(), y.ToArray());
    }

    /// <summary>Precision-recall curve (recall, precision), starting at recall 0 with the first threshold's precision; null without positives.</summary>
    public static Curve? PrecisionRecall(IReadOnlyList<Prediction> predictions, int label)
    {
        var (pos, _, steps) = Steps(predictions, label);
        if (pos == 0) return null;
        var x = new List<double>();
        var y = new List<double>();
        foreach (var (tp, fp) in steps)
        {
            double precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            if (x.Count == 0) { x.Add(0); y.Add(precision); }
            x.Add((double)tp / pos);
            y.Add(precision);
        }
        return new Curve(x.ToArray(), y.ToArray());
    }

    /// <summary>Cumulative (TP, FP) at each distinct score, from the highest score down.</summary>
    private static (int Positives, int Negatives, List<(int Tp, int Fp)> Steps) Steps(IReadOnlyList<Prediction> predictions, int label)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var ordered = predictions.Select(p => (Score: p.Probabilities[label], Positive: p.Label == label))
            .OrderByDescending(p => p.Score).ToList();
        int positives = ordered.Count(p => p.Positive), negatives = ordered.Count - positives;
        var steps = new List<(int, int)>();
        int tp = 0, fp = 0;
        for (int i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Positive) tp++; else fp++;
            if (i == ordered.Count - 1 || ordered[i + 1].Score != ordered[i].Score) steps.Add((tp, fp));
        }
        return (positives, negatives, steps);
    }
}
