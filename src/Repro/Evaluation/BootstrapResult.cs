namespace Repro.Evaluation;

/// <summary>Percentile intervals of the headline metrics, and how they were obtained.</summary>
/// <param name="Settings">Resamples, seed, confidence and resampling unit.</param>
/// <param name="Intervals">Metric name (<see cref="MetricNames"/>) → interval; a metric undefined in every resample is absent.</param>
public sealed record BootstrapResult(BootstrapSettings Settings, IReadOnlyDictionary<string, ConfidenceInterval> Intervals);
