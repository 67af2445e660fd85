using Repro.Runtime;
namespace Repro.Data.Synthetic;

/// <summary>
/// Draws one synthetic mammogram as 8-bit grey pixels. All geometry is in units of the image side, so
/// one sample looks the same at any size; only exact arithmetic (+ − × ÷ √, floor) is used, no
/// trigonometry or exponentials, so the bytes do not depend on the machine's maths library.
/// <list type="bullet">
/// <item>Dark background; the breast is a half-ellipse growing from the chest wall on the left or right
/// side, brighter where it is thicker, with glandular blobs, fibrous streaks radiating from the chest
/// wall and fine texture; MLO views add the brighter triangle of the pectoral muscle.</item>
/// <item>Benign: a smooth, round-to-oval brighter mass with a soft but regular edge.</item>
/// <item>Cancer: an irregular (lobulated) brighter mass with radial spiculations.</item>
/// <item>Normal: no mass. Every class may have a few faint, large glandular islands, so "a bright
/// blob" alone does not give the class away.</item>
/// <item>Nuisance: breast size and position, tissue brightness and density, mass position, size and
/// contrast, global gain and offset, noise level.</item>
/// </list>
/// </summary>
internal static class MammogramRenderer
{
    private sealed record Mass(double X, double Y, double Radius, double Ratio, double Cos, double Sin, double Amplitude,
        double[] Harmonics, (double X, double Y, double Length, double Width)[] Spicules);

    private sealed record Island(double X, double Y, double Radius, double Amplitude);

    /// <summary>The pixels (row-major, <paramref name="size"/>²) of <paramref name="sample"/> for <paramref name="seed"/>.</summary>
    public static byte[] Render(SyntheticSample sample, int seed, int size)
    {
        ulong patientSeed = Xoshiro256StarStar.Mix(Xoshiro256StarStar.Mix(Xoshiro256StarStar.Mix((ulong)(uint)seed, sample.SplitIndex), sample.Label),
            sample.IndexInClass / 2);
        var patient = new Xoshiro256StarStar(patientSeed);
        var rng = new Xoshiro256StarStar(Xoshiro256StarStar.Mix(patientSeed, sample.View + 1));

        // Patient: tissue density and the lesion's place in breast coordinates (shared by both views).
        double density = patient.Uniform(0.2, 1.0);
        double lesionU = patient.Uniform(0.15, 0.7), lesionV = patient.Uniform(-0.6, 0.6);
        double lesionRadius = patient.Uniform(0.032, 0.08);

        // View: breast outline, brightness, texture, nuisance.
        bool mlo = sample.View == 1;
        double cy = rng.Uniform(0.40, 0.60);
        double a = rng.Uniform(0.52, 0.86);
        double b = rng.Uniform(0.33, 0.47) * (mlo ? 1.08 : 1.0);
        double tissue = rng.Uniform(95, 165);
        double gain = rng.Uniform(0.78, 1.22);
        double offset = rng.Uniform(-18, 18);
        double noiseSigma = rng.Uniform(1.5, 7.0);
        double background = rng.Uniform(2, 14);
        var low = new ValueNoise(ref rng, 6);
        var streak = new ValueNoise(ref rng, 24);
        var fine = new ValueNoise(ref rng, 32);
        double streakAlong = rng.Uniform(2.5, 5), streakAcross = rng.Uniform(7, 12);
        double pectoralW = rng.Uniform(0.14, 0.3), pectoralH = rng.Uniform(0.3, 0.6), pectoralAmp = mlo ? rng.Uniform(18, 45) : 0;

        var islands = new Island[rng.NextIntModulo(3)];
        for (int i = 0; i < islands.Length; i++)
        {
            var (ix, iy) = InsideBreast(a, b, cy, rng.Uniform(0.1, 0.75), rng.Uniform(-0.7, 0.7));
            islands[i] = new Island(ix, iy, rng.Uniform(0.05, 0.14), rng.Uniform(6, 22));
        }

        Mass? mass = null;
        if (sample.Label != ClassLabels.Normal)
        {
            var (mx, my) = InsideBreast(a, b, cy,
                Math.Clamp(lesionU + rng.Uniform(-0.08, 0.08), 0.1, 0.78), Math.Clamp(lesionV + rng.Uniform(-0.12, 0.12), -0.7, 0.7));
            var (c, s) = rng.NextDirection();
            double radius = lesionRadius * rng.Uniform(0.9, 1.1);
            double amplitude = rng.Uniform(16, 48);
            if (sample.Label == ClassLabels.Benign)
            {
                mass = new Mass(mx, my, radius, rng.Uniform(0.6, 1.0), c, s, amplitude, [], []);
            }
            else
            {
                var harmonics = new double[8]; // a_k, b_k for k = 2..5
                for (int k = 0; k < harmonics.Length; k++) harmonics[k] = rng.Uniform(-0.13, 0.13);
                var spicules = new (double, double, double, double)[8 + rng.NextIntModulo(10)];
                double minWidth = 0.8 / size;
                for (int k = 0; k < spicules.Length; k++)
                {
                    var (dx, dy) = rng.NextDirection();
                    spicules[k] = (dx, dy, radius * rng.Uniform(1.4, 2.9), Math.Max(minWidth, radius * rng.Uniform(0.07, 0.15)));
                }
                mass = new Mass(mx, my, radius * 0.9, rng.Uniform(0.75, 1.0), c, s, amplitude, harmonics, spicules);
            }
        }

        var pixels = new byte[size * size];
        double inv = 1.0 / size;
        for (int py = 0; py < size; py++)
        {
            double y = (py + 0.5) * inv;
            for (int px = 0; px < size; px++)
            {
                // Canonical orientation: chest wall at x = 0; a right breast is the mirror image.
                double x = (px + 0.5) * inv;
                double xc = sample.Left ? x : 1 - x;
                double ex = xc / a, ey = (y - cy) / b;
                double e = ex * ex + ey * ey;
                double bg = background + 3 * fine.Sample(x * 8, y * 8);
                double value;
                if (e >= 1.04)
                {
                    value = bg;
                }
                else
                {
                    double thick = Math.Sqrt(Math.Max(0, 1 - e));
                    double level = tissue * (0.55 + 0.45 * SmoothStep(0, 0.55, thick));
                    double n1 = low.Sample(xc * 5, y * 5);
                    double slope = (y - cy) / (xc + 0.08);
                    double n2 = streak.Sample(xc * streakAlong * 4, slope * streakAcross);
                    double n3 = fine.Sample(x * 32, y * 32);
                    double t = level * (0.78 + 0.42 * density * n1 + 0.30 * density * (n2 - 0.5) + 0.12 * (n3 - 0.5));
                    if (pectoralAmp > 0)
                        t += pectoralAmp * SmoothStep(1.02, 0.96, xc / pectoralW + y / pectoralH);
                    foreach (var isl in islands)
                    {
                        double dx = (xc - isl.X) / isl.Radius, dy = (y - isl.Y) / isl.Radius;
                        double d2 = dx * dx + dy * dy;
                        if (d2 < 1) { double f = 1 - d2; t += isl.Amplitude * f * f; }
                    }
                    if (mass is not null) t += mass.Amplitude * MassProfile(mass, xc, y);
                    double w = SmoothStep(1.04, 0.96, e);
                    value = w * (gain * t + offset) + (1 - w) * bg;
                }
                value += noiseSigma * rng.NextNormal();
                pixels[py * size + px] = (byte)Math.Clamp((int)Math.Floor(value + 0.5), 0, 255);
            }
        }
        return pixels;
    }

    /// <summary>A point of the breast at depth fraction <paramref name="u"/> and height fraction <paramref name="v"/>.</summary>
    private static (double X, double Y) InsideBreast(double a, double b, double cy, double u, double v)
    {
        double x = u * a;
        double y = cy + v * b * Math.Sqrt(Math.Max(0, 1 - u * u));
        return (x, y);
    }

    /// <summary>The mass's opacity in [0, 1] at canonical point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    private static double MassProfile(Mass m, double x, double y)
    {
        double px = x - m.X, py = y - m.Y;
        double reach = m.Radius * (m.Spicules.Length > 0 ? 3.0 : 1.3);
        if (px > reach || px < -reach || py > reach || py < -reach) return 0;
        double q1 = (m.Cos * px + m.Sin * py) / m.Radius;
        double q2 = (-m.Sin * px + m.Cos * py) / (m.Radius * m.Ratio);
        double r = Math.Sqrt(q1 * q1 + q2 * q2);
        if (m.Spicules.Length == 0)
        {
            // Benign: a smooth dome with a soft, regular edge.
            double r2 = Math.Min(1, r * r);
            return SmoothStep(1.15, 0.85, r) * (0.8 + 0.2 * (1 - r2));
        }

        // Cancer: radius modulated by harmonics 2..5 of the direction (cos kθ, sin kθ by complex powers).
        double boundary = 1;
        if (r > 1e-9)
        {
            double c1 = q1 / r, s1 = q2 / r, ck = c1, sk = s1;
            for (int k = 2; k <= 5; k++)
            {
                (ck, sk) = (ck * c1 - sk * s1, sk * c1 + ck * s1);
                boundary += m.Harmonics[2 * (k - 2)] * ck + m.Harmonics[2 * (k - 2) + 1] * sk;
            }
        }
        double core = SmoothStep(1.1, 0.8, r / boundary);
        double spike = 0;
        foreach (var (dx, dy, length, width) in m.Spicules)
        {
            double along = px * dx + py * dy;
            if (along <= 0 || along >= length) continue;
            double across = Math.Abs(px * dy - py * dx);
            double taper = 1 - along / length;
            double wAt = width * (0.4 + 0.6 * taper);
            if (across >= wAt) continue;
            spike = Math.Max(spike, 0.75 * taper * (1 - across / wAt));
        }
        return Math.Max(core, spike);
    }

    /// <summary>Hermite smoothstep from <paramref name="e0"/> (0) to <paramref name="e1"/> (1); e0 &gt; e1 inverts it.</summary>
    private static double SmoothStep(double e0, double e1, double v)
    {
        double t = Math.Clamp((v - e0) / (e1 - e0), 0, 1);
        return t * t * (3 - 2 * t);
    }
}
