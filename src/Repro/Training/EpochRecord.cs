namespace Repro.Training;

/// <summary>One epoch of training: losses, validation balanced accuracy and per-class recall, learning rates, speed.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="LearningRates">Learning rate of each parameter group during the epoch.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches.</param>
/// <param name="ValLoss">Mean validation loss (the training criterion, no augmentation).</param>
/// <param name="ValBalancedAccuracy">Validation balanced accuracy (the monitored metric).</param>
/// <param name="ValRecall">Validation recall per class (normal, benign, cancer).</param>
/// <param name="IsBest">True when this epoch set a new best validation balanced accuracy.</param>
/// <param name="TrainImagesPerSecond">Training throughput.</param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
public sealed record EpochRecord(int Epoch, IReadOnlyList<double> LearningRates, double TrainLoss, double ValLoss,
    double ValBalancedAccuracy, IReadOnlyList<double> ValRecall, bool IsBest, double TrainImagesPerSecond, double Seconds);
