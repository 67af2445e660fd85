using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Scalar random numbers on the host, from the caller's CPU generator (uniforms, normals, Beta), for the
/// few per-batch draws whose count is not fixed in advance (rejection sampling of Gamma/Beta variates).
/// Deterministic: the same generator state gives the same values.
/// </summary>
internal sealed class HostRandom(Generator generator)
{
    private readonly Queue<double> _buffer = new();

    /// <summary>A uniform in [0, 1).</summary>
    public double NextUniform()
    {
        if (_buffer.Count == 0)
            foreach (double u in RandomDraws.Uniform(generator, 16)) _buffer.Enqueue(u);
        return _buffer.Dequeue();
    }

    /// <summary>A standard normal (Box–Muller).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - NextUniform();
        double u2 = NextUniform();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) variate (Marsaglia–Tsang; boosted for shape &lt; 1).</summary>
    public double NextGamma(double shape)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), "Gamma shape must be positive");
        if (shape < 1)
            return NextGamma(shape + 1) * Math.Pow(1.0 - NextUniform(), 1.0 / shape);
        double d = shape - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = 1.0 - NextUniform();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>A Beta(<paramref name="a"/>, <paramref name="b"/>) variate.</summary>
    public double NextBeta(double a, double b)
    {
        double x = NextGamma(a), y = NextGamma(b);
        return x + y > 0 ? x / (x + y) : 0.5;
    }
}
