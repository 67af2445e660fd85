namespace Repro.Evaluation;

/// <summary>What <see cref="Metrics.Compute"/> computes beyond the point estimates.</summary>
/// <param name="BootstrapResamples">Bootstrap resamples for percentile CIs; 0 turns the bootstrap off (use ≥ 2,000 for a report).</param>
/// <param name="Seed">Seed of the bootstrap's own PRNG (xoshiro256**, seeded through SplitMix64).</param>
/// <param name="Confidence">Confidence level of every interval (bootstrap percentiles and Wilson intervals).</param>
public sealed record MetricOptions(int BootstrapResamples = 0, ulong Seed = 0, double Confidence = 0.95)
{
    /// <summary>Bootstrap resamples used when a caller asks for "the" bootstrap (the CLI's default).</summary>
    public const int DefaultBootstrapResamples = 2000;
}
