using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// A clinical operating point for one class against the rest (cancer by default): call a sample
/// positive when p(class) ≥ threshold. The threshold is chosen on validation predictions only — the
/// lowest of the validation probabilities whose specificity reaches the target — and then applied
/// unchanged to test, so the test numbers are an honest estimate.
/// </summary>
public static class OperatingPoint
{
    /// <summary>Default target specificity.</summary>
    public const double DefaultTargetSpecificity = 0.90;

    /// <summary>
    /// The lowest threshold t among the distinct validation probabilities of <paramref name="positiveClass"/>
    /// with specificity(t) ≥ <paramref name="targetSpecificity"/>. When even the highest probability
    /// falls short (ties at the top among negatives), the next double above it: nobody positive.
    /// </summary>
    public static double ChooseThreshold(IReadOnlyList<Prediction> validation, double targetSpecificity = DefaultTargetSpecificity,
                                         int positiveClass = ClassLabels.Cancer)
    {
        var table = new PredictionTable(validation);
        CheckClass(positiveClass);
        if (!(targetSpecificity >= 0 && targetSpecificity <= 1))
            throw new ArgumentOutOfRangeException(nameof(targetSpecificity), targetSpecificity, "must be in [0, 1]");
        double[] scores = table.Scores[positiveClass];
        var negatives = Enumerable.Range(0, table.Count).Where(i => table.Labels[i] != positiveClass).Select(i => scores[i]).ToArray();
        if (negatives.Length == 0)
            throw new ArgumentException($"validation has no negative sample for {ClassLabels.Names[positiveClass]}: specificity is undefined", nameof(validation));
        Array.Sort(negatives);
        // Specificity at t = (#negatives with score < t) / #negatives, non-decreasing in t.
        foreach (double t in scores.Distinct().Order())
        {
            int trueNegatives = LowerBound(negatives, t);
            if ((double)trueNegatives / negatives.Length >= targetSpecificity) return t;
        }
        return Math.BitIncrement(scores.Max());
    }

    /// <summary>Sensitivity and specificity of the rule p(class) ≥ <paramref name="threshold"/> on <paramref name="predictions"/>.</summary>
    public static OperatingPointStats Apply(IReadOnlyList<Prediction> predictions, double threshold, int positiveClass = ClassLabels.Cancer)
    {
        var table = new PredictionTable(predictions);
        CheckClass(positiveClass);
        int positives = 0, negatives = 0, tp = 0, tn = 0;
        for (int i = 0; i < table.Count; i++)
        {
            bool called = table.Scores[positiveClass][i] >= threshold;
            if (table.Labels[i] == positiveClass) { positives++; if (called) tp++; }
            else { negatives++; if (!called) tn++; }
        }
        return new OperatingPointStats(
            N: table.Count, Positives: positives, Negatives: negatives, TruePositives: tp, TrueNegatives: tn,
            Sensitivity: positives == 0 ? null : (double)tp / positives,
            SensitivityCi: WilsonInterval.Compute(tp, positives),
            Specificity: negatives == 0 ? null : (double)tn / negatives,
            SpecificityCi: WilsonInterval.Compute(tn, negatives));
    }

    /// <summary>Chooses the threshold on <paramref name="validation"/> and applies it to both splits.</summary>
    public static OperatingPointReport Evaluate(IReadOnlyList<Prediction> validation, IReadOnlyList<Prediction> test,
                                                double targetSpecificity = DefaultTargetSpecificity, int positiveClass = ClassLabels.Cancer)
    {
        double threshold = ChooseThreshold(validation, targetSpecificity, positiveClass);
        return new OperatingPointReport(ClassLabels.Names[positiveClass], targetSpecificity, threshold,
            Apply(validation, threshold, positiveClass), Apply(test, threshold, positiveClass));
    }

    private static void CheckClass(int positiveClass)
    {
        if (positiveClass < 0 || positiveClass >= ClassLabels.Count)
            throw new ArgumentOutOfRangeException(nameof(positiveClass), positiveClass, "not a class");
    }

    // Number of sorted values strictly below t.
    private static int LowerBound(double[] sorted, double t)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
