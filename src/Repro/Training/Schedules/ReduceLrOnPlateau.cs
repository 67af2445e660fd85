namespace Repro.Training.Schedules;

/// <summary>
/// PyTorch's <c>ReduceLROnPlateau</c> for a metric to maximise (the study: validation balanced accuracy,
/// patience 3, factor 0.5, min lr 1e-7): after more than <see cref="Patience"/> epochs without a relative
/// improvement of <see cref="Threshold"/>, every learning rate is multiplied by <see cref="Factor"/>
/// (not below <see cref="MinLr"/>). Its whole state is <see cref="State"/>, for checkpoints.
/// </summary>
public sealed class ReduceLrOnPlateau
{
    /// <summary>Creates the scheduler.</summary>
    public ReduceLrOnPlateau(int patience = 3, double factor = 0.5, double minLr = 1e-7, double threshold = 1e-4)
    {
        if (factor is <= 0 or >= 1) throw new ArgumentException($"plateau factor {factor} must be in (0,1)");
        Patience = patience; Factor = factor; MinLr = minLr; Threshold = threshold;
    }

    /// <summary>Epochs without improvement tolerated before a reduction.</summary>
    public int Patience { get; }
    /// <summary>Multiplier applied to each learning rate.</summary>
    public double Factor { get; }
    /// <summary>Floor for every learning rate.</summary>
    public double MinLr { get; }
    /// <summary>Relative improvement that counts (PyTorch's default "rel" mode, 1e-4).</summary>
    public double Threshold { get; }

    /// <summary>Best metric so far and epochs since it.</summary>
    public PlateauState State { get; set; } = new(double.NegativeInfinity, 0);

    /// <summary>Records one epoch's metric; returns the new learning rates (unchanged unless reduced).</summary>
    public double[] Step(double metric, IReadOnlyList<double> learningRates)
    {
        var (best, bad) = State;
        if (metric > best * (1 + Threshold) || double.IsNegativeInfinity(best)) { best = metric; bad = 0; }
        else bad++;
        var lrs = learningRates.ToArray();
        if (bad > Patience)
        {
            for (int i = 0; i < lrs.Length; i++)
            {
                double reduced = Math.Max(lrs[i] * Factor, MinLr);
                if (lrs[i] - reduced > 1e-8) lrs[i] = reduced;
            }
            bad = 0;
        }
        State = new PlateauState(best, bad);
        return lrs;
    }
}
