namespace Repro.Evaluation;

/// <summary>Wilson score interval of a binomial proportion (Wilson 1927), two-sided.</summary>
public static class WilsonInterval
{
    /// <summary>z of a two-sided 95% interval: Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>z of a two-sided interval at <paramref name="confidence"/> (exactly <see cref="Z95"/> at 0.95).</summary>
    public static double ZFor(double confidence)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1)");
        return confidence == 0.95 ? Z95 : NormalQuantile.Of(0.5 + confidence / 2);
    }

    /// <summary>
    /// The interval of <paramref name="successes"/> out of <paramref name="trials"/> with normal quantile
    /// <paramref name="z"/>; null when there are no trials.
    /// </summary>
    public static ConfidenceInterval? Compute(int successes, int trials, double z = Z95)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} successes out of {trials} trials");
        if (trials == 0) return null;
        double n = trials, p = successes / n, z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // The exact bounds are 0 at 0 successes and 1 at n; don't let rounding say otherwise.
        double lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        double upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new ConfidenceInterval(lower, upper);
    }
}
