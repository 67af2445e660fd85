namespace Repro.Training;

/// <summary>A run stopped on purpose after an epoch (<see cref="RunOptions.InterruptAfterEpoch"/>); resume from <see cref="Checkpoint"/>.</summary>
public sealed class RunInterruptedException(int epoch, string? checkpoint)
    : Exception($"run interrupted after epoch {epoch}; resume with --resume {checkpoint}")
{
    /// <summary>The last completed epoch.</summary>
    public int Epoch { get; } = epoch;
    /// <summary>The checkpoint to resume from.</summary>
    public string? Checkpoint { get; } = checkpoint;
}
