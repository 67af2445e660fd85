namespace Repro.Training;

/// <summary>The loss became NaN or infinite: training stops, naming the epoch and batch.</summary>
public sealed class TrainingDivergedException(string message) : InvalidOperationException(message);
