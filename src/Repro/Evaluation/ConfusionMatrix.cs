using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// Counts of (true class, predicted class): rows = true, columns = predicted, in label order
/// (normal, benign, cancer). The predicted class is the arg-max of the probabilities (lowest index
/// wins ties, as numpy's argmax). Immutable.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    private ConfusionMatrix(long[,] counts) => _counts = counts;

    /// <summary>Number of classes (rows and columns).</summary>
    public int ClassCount => _counts.GetLength(0);

    /// <summary>Count of samples of true class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => checked((int)_counts[actual, predicted]);

    /// <summary>Number of samples.</summary>
    public int Total => checked((int)Sum((a, p) => true));

    /// <summary>Number of correct predictions (the trace).</summary>
    public int Correct => checked((int)Sum((a, p) => a == p));

    /// <summary>Samples whose true class is <paramref name="label"/> (row sum).</summary>
    public int Support(int label) => checked((int)Sum((a, p) => a == label));

    /// <summary>Samples predicted as <paramref name="label"/> (column sum).</summary>
    public int PredictedCount(int label) => checked((int)Sum((a, p) => p == label));

    /// <summary>One-vs-rest true positives of <paramref name="label"/>.</summary>
    public int TruePositives(int label) => this[label, label];

    /// <summary>One-vs-rest false positives of <paramref name="label"/>.</summary>
    public int FalsePositives(int label) => PredictedCount(label) - TruePositives(label);

    /// <summary>One-vs-rest false negatives of <paramref name="label"/>.</summary>
    public int FalseNegatives(int label) => Support(label) - TruePositives(label);

    /// <summary>One-vs-rest true negatives of <paramref name="label"/>.</summary>
    public int TrueNegatives(int label) => Total - Support(label) - PredictedCount(label) + TruePositives(label);

    /// <summary>The counts as rows (true class) of columns (predicted class).</summary>
    public IReadOnlyList<IReadOnlyList<int>> ToRows() =>
        Enumerable.Range(0, ClassCount).Select(a => (IReadOnlyList<int>)Enumerable.Range(0, ClassCount).Select(p => this[a, p]).ToArray()).ToArray();

    /// <summary>The confusion matrix of <paramref name="predictions"/> over <see cref="ClassLabels.Count"/> classes.</summary>
    public static ConfusionMatrix From(IReadOnlyList<Prediction> predictions)
    {
        var counts = new long[ClassLabels.Count, ClassLabels.Count];
        foreach (var p in predictions) counts[p.Label, p.Predicted]++;
        return new ConfusionMatrix(counts);
    }

    /// <summary>Weighted counts: sample i counts <paramref name="weights"/>[i] times (the bootstrap's multiplicities).</summary>
    internal static ConfusionMatrix From(int[] labels, int[] predicted, int[] weights)
    {
        var counts = new long[ClassLabels.Count, ClassLabels.Count];
        for (int i = 0; i < labels.Length; i++) counts[labels[i], predicted[i]] += weights[i];
        return new ConfusionMatrix(counts);
    }

    private long Sum(Func<int, int, bool> where)
    {
        long s = 0;
        for (int a = 0; a < ClassCount; a++)
            for (int p = 0; p < ClassCount; p++)
                if (where(a, p)) s += _counts[a, p];
        return s;
    }
}
