namespace Repro.Evaluation;

/// <summary>One image's prediction: who it is, the true label, and the class probabilities.</summary>
/// <param name="Id">Sample id (relative path, or the CSV's id column).</param>
/// <param name="Label">True label (<see cref="Repro.Data.ClassLabels"/>).</param>
/// <param name="Probabilities">One probability per class, summing to 1.</param>
/// <param name="Group">Patient/case id for grouped bootstrap; null when unknown.</param>
public sealed record Prediction(string Id, int Label, IReadOnlyList<double> Probabilities, string? Group = null)
{
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
