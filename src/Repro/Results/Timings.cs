namespace Repro.Results;

/// <summary>Wall times of a run's stages, in seconds, and training throughput.</summary>
/// <param name="DecodeSeconds">Reading/decoding the dataset (or loading it from the cache).</param>
/// <param name="FeatureSeconds">Computing cached backbone features (0 when not cached).</param>
/// <param name="TrainSeconds">All epochs including per-epoch validation.</param>
/// <param name="EvalSeconds">Final validation and test evaluation with metrics.</param>
/// <param name="TotalSeconds">The whole run.</param>
/// <param name="TrainImagesPerSecond">Training images per second over all epochs.</param>
public sealed record Timings(double DecodeSeconds, double FeatureSeconds, double TrainSeconds, double EvalSeconds,
    double TotalSeconds, double TrainImagesPerSecond);
