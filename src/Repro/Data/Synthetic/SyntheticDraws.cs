using Repro.Runtime;

namespace Repro.Data.Synthetic;

/// <summary>
/// The draws the synthetic renderer needs, on the project's one PRNG (<see cref="Xoshiro256StarStar"/>), with
/// exact arithmetic only (no log or trig) so images are byte-identical everywhere.
/// </summary>
internal static class SyntheticDraws
{
    /// <summary>Uniform in [<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    public static double Uniform(this Xoshiro256StarStar rng, double lo, double hi) => lo + (hi - lo) * rng.NextDouble();

    /// <summary>An integer in [0, n) by modulo (slightly biased; kept because the synthetic set's bytes depend on it).</summary>
    public static int NextIntModulo(this Xoshiro256StarStar rng, int n) => (int)((rng.NextUInt64() >> 11) % (ulong)n);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Xoshiro256StarStar rng, double p) => rng.NextDouble() < p;

    /// <summary>Approximately standard normal (Irwin–Hall sum of four uniforms, rescaled): no log or trig.</summary>
    public static double NextNormal(this Xoshiro256StarStar rng) =>
        (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 2.0) * 1.7320508075688772;

    /// <summary>A uniformly random unit vector, by rejection from the unit disc (no trigonometry).</summary>
    public static (double X, double Y) NextDirection(this Xoshiro256StarStar rng)
    {
        while (true)
        {
            double x = 2 * rng.NextDouble() - 1, y = 2 * rng.NextDouble() - 1;
            double r2 = x * x + y * y;
            if (r2 is > 1e-6 and <= 1)
            {
                double r = Math.Sqrt(r2);
                return (x / r, y / r);
            }
        }
    }
}
