using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// torchvision <c>ColorJitter</c> on pixels in [0, 1]: per sample a brightness factor uniform in
/// [max(0, 1−b), 1+b], contrast and saturation likewise, a hue shift uniform in [−h, h], applied in a
/// random order per sample (torchvision's <c>randperm(4)</c>); a parameter of 0 leaves its step out.
/// Brightness and contrast blend with black and with the mean grey level, clamped to [0, 1];
/// saturation blends with the grey image (0.2989 R + 0.587 G + 0.114 B) and hue rotates H in HSV — both
/// only for 3-channel batches (for one channel they are skipped, as torchvision does). On
/// grayscale-as-RGB they are no-ops in exact arithmetic (saturation: up to the weights' sum 0.9999).
/// Draws 8 uniforms per sample (4 for the order, 4 factors), always.
/// </summary>
/// <param name="Brightness">Brightness jitter (the study: 0.4).</param>
/// <param name="Contrast">Contrast jitter (the study: 0.4).</param>
/// <param name="Saturation">Saturation jitter (the study: 0.4).</param>
/// <param name="Hue">Hue jitter, at most 0.5 (the study: 0.1).</param>
public sealed record ColorJitter(double Brightness, double Contrast, double Saturation, double Hue) : IBatchTransform
{
    /// <summary>Uniforms consumed per sample.</summary>
    public const int DrawsPerSample = 8;

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(ColorJitter));
        if (Brightness < 0 || Contrast < 0 || Saturation < 0 || Hue < 0 || Hue > 0.5)
            throw new ArgumentOutOfRangeException(nameof(Hue), "ColorJitter: factors must be ≥ 0 and hue ≤ 0.5");
        int b = (int)batch.shape[0];
        var u = RandomDraws.Uniform(RandomDraws.Need(generator, nameof(ColorJitter)), b * DrawsPerSample);
        var orders = new ColorJitterStep[b][];
        var factors = new double[4][];
        for (int s = 0; s < 4; s++) factors[s] = new double[b];
        for (int i = 0; i < b; i++)
        {
            var d = u.AsSpan(i * DrawsPerSample, DrawsPerSample);
            var keys = d[..4].ToArray();
            orders[i] = Enumerable.Range(0, 4).OrderBy(k => keys[k]).ThenBy(k => k).Select(k => (ColorJitterStep)k).ToArray();
            factors[0][i] = RandomDraws.Between(d[4], Math.Max(0, 1 - Brightness), 1 + Brightness);
            factors[1][i] = RandomDraws.Between(d[5], Math.Max(0, 1 - Contrast), 1 + Contrast);
            factors[2][i] = RandomDraws.Between(d[6], Math.Max(0, 1 - Saturation), 1 + Saturation);
            factors[3][i] = RandomDraws.Between(d[7], -Hue, Hue);
        }
        bool[] enabled = [Brightness > 0, Contrast > 0, Saturation > 0 && batch.shape[1] == 3, Hue > 0 && batch.shape[1] == 3];
        return Jitter(batch, orders, factors, enabled);
    }

    /// <summary>
    /// Applies, per sample b, the steps <paramref name="orders"/>[b] in that order with
    /// <paramref name="factors"/>[step][b]; steps not <paramref name="enabled"/> are skipped.
    /// </summary>
    internal static Tensor Jitter(Tensor batch, ColorJitterStep[][] orders, double[][] factors, bool[] enabled)
    {
        using var scope = NewDisposeScope();
        var device = batch.device;
        var x = batch;
        int b = orders.Length;
        for (int position = 0; position < 4; position++)
        {
            for (int s = 0; s < 4; s++)
            {
                if (!enabled[s]) continue;
                var selected = Enumerable.Range(0, b).Select(i => (int)orders[i][position] == s).ToArray();
                if (!selected.Any(v => v)) continue;
                var f = RandomDraws.PerSample(factors[s], device);
                var changed = (ColorJitterStep)s switch
                {
                    ColorJitterStep.Brightness => AdjustBrightness(x, f),
                    ColorJitterStep.Contrast => AdjustContrast(x, f),
                    ColorJitterStep.Saturation => AdjustSaturation(x, f),
                    _ => AdjustHue(x, f),
                };
                x = selected.All(v => v) ? changed : where(RandomDraws.PerSample(selected, device), changed, x);
            }
        }
        return (ReferenceEquals(x, batch) ? batch.alias() : x).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision <c>adjust_brightness</c>: clamp(f·x, 0, 1); <paramref name="factor"/> is [B,1,1,1].</summary>
    public static Tensor AdjustBrightness(Tensor x, Tensor factor)
    {
        using var scaled = x * factor;
        return scaled.clamp(0.0, 1.0);
    }

    /// <summary>torchvision <c>adjust_contrast</c>: blend with each sample's mean grey level.</summary>
    public static Tensor AdjustContrast(Tensor x, Tensor factor)
    {
        using var scope = NewDisposeScope();
        var grey = x.shape[1] == 3 ? Grayscale(x) : x;
        var mean = grey.mean([1, 2, 3], keepdim: true);
        return Blend(x, mean, factor).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision <c>adjust_saturation</c> (3 channels): blend with the grey image.</summary>
    public static Tensor AdjustSaturation(Tensor x, Tensor factor)
    {
        if (x.shape[1] != 3) return x.alias();
        using var scope = NewDisposeScope();
        return Blend(x, Grayscale(x), factor).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision <c>adjust_hue</c> (3 channels): H ← (H + shift) mod 1 in HSV.</summary>
    public static Tensor AdjustHue(Tensor x, Tensor shift)
    {
        if (x.shape[1] != 3) return x.alias();
        using var scope = NewDisposeScope();
        var hsv = RgbToHsv(x);
        var parts = hsv.unbind(1);
        var h = (parts[0] + shift.view(-1, 1, 1)).remainder(1.0);
        return HsvToRgb(stack([h, parts[1], parts[2]], 1)).MoveToOuterDisposeScope();
    }

    /// <summary>ITU-R 601 grey level, torchvision's weights: <c>[B,1,H,W]</c>.</summary>
    public static Tensor Grayscale(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var c = rgb.unbind(1);
        return (0.2989 * c[0] + 0.587 * c[1] + 0.114 * c[2]).unsqueeze(1).MoveToOuterDisposeScope();
    }

    private static Tensor Blend(Tensor x, Tensor other, Tensor factor)
    {
        using var scope = NewDisposeScope();
        return (factor * x + (1.0 - factor) * other).clamp(0.0, 1.0).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision's <c>_rgb2hsv</c>.</summary>
    internal static Tensor RgbToHsv(Tensor img)
    {
        using var scope = NewDisposeScope();
        var c = img.unbind(1);
        Tensor r = c[0], g = c[1], b = c[2];
        var maxc = img.amax([1]);
        var minc = img.amin([1]);
        var eqc = maxc.eq(minc);
        var cr = maxc - minc;
        var ones = ones_like(maxc);
        var s = cr / where(eqc, ones, maxc);
        var crDivisor = where(eqc, ones, cr);
        var rc = (maxc - r) / crDivisor;
        var gc = (maxc - g) / crDivisor;
        var bc = (maxc - b) / crDivisor;
        var isR = maxc.eq(r);
        var isG = maxc.eq(g);
        var hr = isR.to_type(img.dtype) * (bc - gc);
        var hg = (isG & isR.logical_not()).to_type(img.dtype) * (2.0 + rc - bc);
        var hb = (isG.logical_not() & isR.logical_not()).to_type(img.dtype) * (4.0 + gc - rc);
        var h = (hr + hg + hb) / 6.0 + 1.0;
        h = h.fmod(1.0);
        return stack([h, s, maxc], 1).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision's <c>_hsv2rgb</c>.</summary>
    internal static Tensor HsvToRgb(Tensor img)
    {
        using var scope = NewDisposeScope();
        var c = img.unbind(1);
        Tensor h = c[0], s = c[1], v = c[2];
        var i = (h * 6.0).floor();
        var f = h * 6.0 - i;
        var sector = i.to_type(ScalarType.Int32).remainder(6);
        var p = (v * (1.0 - s)).clamp(0.0, 1.0);
        var q = (v * (1.0 - s * f)).clamp(0.0, 1.0);
        var t = (v * (1.0 - s * (1.0 - f))).clamp(0.0, 1.0);
        Tensor Pick(Tensor[] bySector)
        {
            var result = zeros_like(v);
            for (int k = 0; k < 6; k++) result = where(sector.eq(k), bySector[k], result);
            return result;
        }
        var red = Pick([v, q, p, p, t, v]);
        var green = Pick([t, v, v, q, p, p]);
        var blue = Pick([p, p, t, v, v, q]);
        return stack([red, green, blue], 1).MoveToOuterDisposeScope();
    }
}
