namespace Repro.Training.Schedules;

/// <summary>
/// Stops training after <see cref="Patience"/> consecutive epochs whose metric (to maximise) does not
/// beat the best so far (the study: validation balanced accuracy, patience 6). An improvement is a
/// strictly greater value; the epoch that achieved the best is the one whose weights are kept.
/// </summary>
public sealed class EarlyStopping
{
    /// <summary>Creates the rule; patience ≤ 0 disables stopping.</summary>
    public EarlyStopping(int patience) => Patience = patience;

    /// <summary>Epochs without improvement before stopping (≤ 0: never stop).</summary>
    public int Patience { get; }

    /// <summary>Best metric, its epoch, and epochs since.</summary>
    public EarlyStoppingState State { get; set; } = new(double.NegativeInfinity, 0, 0);

    /// <summary>Records epoch <paramref name="epoch"/>'s metric; returns whether it is a new best.</summary>
    public bool Observe(int epoch, double metric)
    {
        if (metric > State.Best)
        {
            State = new EarlyStoppingState(metric, epoch, 0);
            return true;
        }
        State = State with { EpochsSinceBest = State.EpochsSinceBest + 1 };
        return false;
    }

    /// <summary>True when training should stop now.</summary>
    public bool ShouldStop => Patience > 0 && State.EpochsSinceBest >= Patience;
}
