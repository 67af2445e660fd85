namespace Repro.Evaluation;

/// <summary>How a bootstrap was run, recorded beside its intervals.</summary>
/// <param name="Resamples">Number of resamples.</param>
/// <param name="Seed">PRNG seed.</param>
/// <param name="Confidence">Confidence level of the percentile intervals.</param>
/// <param name="Unit">What was resampled: <c>group</c> (patients: all images of a patient together) or <c>image</c>.</param>
/// <param name="Units">Number of distinct units (patients or images) drawn from.</param>
public sealed record BootstrapSettings(int Resamples, ulong Seed, double Confidence, string Unit, int Units);
