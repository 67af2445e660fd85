namespace Repro.Training.Schedules;

/// <summary>State of <see cref="EarlyStopping"/>.</summary>
/// <param name="Best">Best metric so far.</param>
/// <param name="BestEpoch">Epoch (1-based) of the best metric; 0 before any.</param>
/// <param name="EpochsSinceBest">Consecutive epochs without improvement.</param>
public sealed record EarlyStoppingState(double Best, int BestEpoch, int EpochsSinceBest);
