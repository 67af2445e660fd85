namespace Repro.Evaluation;

/// <summary>One image's prediction: who it is, the true label, and the class probabilities.</summary>
/// <param name="Id">Sample id (relative path, or the CSV's id column).</param>
/// <param name="Label">True label (<see cref="Repro.Data.ClassLabels"/>).</param>
/// <param name="Probabilities">One probability per class, summing to 1.</param>
/// <param name="Group">Patient/case id for grouped bootstrap; null when unknown.</param>
public sealed record Prediction(string Id, int Label, IReadOnlyList<double> Probabilities, string? Group = null)
{
    /// <summary>
    /// The scores as a predictions file wrote them, when they did not sum to 1 (<see cref="Probabilities"/> then holds
    /// them divided by their sum); null otherwise. ROC AUC and average precision rank these, as scikit-learn ranks
    /// the scores it is given; log loss, Brier and ECE use <see cref="Probabilities"/>.
    /// </summary>
    public IReadOnlyList<double>? RawScores { get; init; }

    /// <summary>The scores ROC AUC and average precision rank: <see cref="RawScores"/> when present, else the probabilities.</summary>
    public IReadOnlyList<double> RankScores => RawScores ?? Probabilities;

    /// <summary>Arg-max class (lowest index wins ties, as numpy's argmax).</summary>
    public int Predicted
    {
        get
        {
            int best = 0;
            for (int i = 1; i < Probabilities.Count; i++)
                if (Probabilities[i] > Probabilities[best]) best = i;
            return best;
        }
    }
}
