namespace Repro.Training.Schedules;

/// <summary>State of <see cref="ReduceLrOnPlateau"/>.</summary>
/// <param name="Best">Best metric seen.</param>
/// <param name="BadEpochs">Epochs since the last improvement.</param>
public sealed record PlateauState(double Best, int BadEpochs);
