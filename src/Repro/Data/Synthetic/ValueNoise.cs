using Repro.Runtime;
namespace Repro.Data.Synthetic;

/// <summary>
/// Periodic value noise: random values on a square lattice, interpolated with smoothstep weights.
/// Resolution-independent (sampled in lattice units), deterministic (arithmetic only).
/// </summary>
internal sealed class ValueNoise
{
    private readonly double[] _values;
    private readonly int _cells;

    /// <summary>A <paramref name="cells"/>×<paramref name="cells"/> lattice of values in [0, 1).</summary>
    public ValueNoise(ref Xoshiro256StarStar rng, int cells)
    {
        _cells = cells;
        _values = new double[cells * cells];
        for (int i = 0; i < _values.Length; i++) _values[i] = rng.NextDouble();
    }

    /// <summary>The noise at lattice coordinates (<paramref name="gx"/>, <paramref name="gy"/>), in [0, 1); wraps around.</summary>
    public double Sample(double gx, double gy)
    {
        double fx = Math.Floor(gx), fy = Math.Floor(gy);
        double tx = gx - fx, ty = gy - fy;
        int x0 = Wrap((long)fx), y0 = Wrap((long)fy);
        int x1 = x0 + 1 == _cells ? 0 : x0 + 1, y1 = y0 + 1 == _cells ? 0 : y0 + 1;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        double a = _values[y0 * _cells + x0], b = _values[y0 * _cells + x1];
        double c = _values[y1 * _cells + x0], d = _values[y1 * _cells + x1];
        double top = a + (b - a) * tx, bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    private int Wrap(long i)
    {
        long m = i % _cells;
        return (int)(m < 0 ? m + _cells : m);
    }
}
