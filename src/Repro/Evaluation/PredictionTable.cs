using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// Predictions as arrays, validated once: labels, arg-max classes, one score column per class and
/// each column's descending order (so the bootstrap sorts once, not once per resample).
/// </summary>
internal sealed class PredictionTable
{
    public PredictionTable(IReadOnlyList<Prediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0) throw new ArgumentException("no predictions to evaluate", nameof(predictions));
        int n = predictions.Count, k = ClassLabels.Count;
        Labels = new int[n];
        Predicted = new int[n];
        Scores = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        RankScores = Scores;
        bool anyRaw = predictions.Any(p => p?.RawScores is not null);
        if (anyRaw) RankScores = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        Positive = Enumerable.Range(0, k).Select(_ => new bool[n]).ToArray();
        for (int i = 0; i < n; i++)
        {
            var p = predictions[i] ?? throw new ArgumentException($"prediction {i} is null", nameof(predictions));
            if (p.Label < 0 || p.Label >= k)
                throw new ArgumentException($"prediction '{p.Id}': label {p.Label} is not a class (0..{k - 1})", nameof(predictions));
            if (p.Probabilities is null || p.Probabilities.Count != k)
                throw new ArgumentException($"prediction '{p.Id}': expected {k} probabilities, got {p.Probabilities?.Count ?? 0}", nameof(predictions));
            bool anyPositive = false;
            for (int c = 0; c < k; c++)
            {
                double v = p.Probabilities[c];
                if (!double.IsFinite(v) || v < 0)
                    throw new ArgumentException($"prediction '{p.Id}': probability {v} of {ClassLabels.Names[c]} is not a finite non-negative number", nameof(predictions));
                anyPositive |= v > 0;
                Scores[c][i] = v;
                if (anyRaw) RankScores[c][i] = p.RankScores.Count == k ? p.RankScores[c] : v;
                Positive[c][i] = p.Label == c;
            }
            if (!anyPositive) throw new ArgumentException($"prediction '{p.Id}': all probabilities are zero", nameof(predictions));
            Labels[i] = p.Label;
            Predicted[i] = p.Predicted;
        }
        Orders = RankScores.Select(Ranking.OrderDescending).ToArray();
        Ones = Enumerable.Repeat(1, n).ToArray();
    }

    /// <summary>Number of predictions.</summary>
    public int Count => Labels.Length;

    /// <summary>True labels.</summary>
    public int[] Labels { get; }

    /// <summary>Arg-max classes.</summary>
    public int[] Predicted { get; }

    /// <summary>Scores[c][i]: probability of class c for sample i.</summary>
    public double[][] Scores { get; }

    /// <summary>Positive[c][i]: sample i is of class c.</summary>
    public bool[][] Positive { get; }

    /// <summary>RankScores[c][i]: the score of class c for sample i as ranking metrics see it (the file's raw score
    /// when its row was rescaled, see <see cref="Prediction.RawScores"/>); the same arrays as <see cref="Scores"/> otherwise.</summary>
    public double[][] RankScores { get; }

    /// <summary>Orders[c]: sample indices by descending RankScores[c].</summary>
    public int[][] Orders { get; }

    /// <summary>A weight of one per sample (the data as given).</summary>
    public int[] Ones { get; }
}
