using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// CutMix (Yun et al. 2019): λ ~ Beta(<paramref name="Alpha"/>, <paramref name="Alpha"/>) per batch, a box
/// of side √(1−λ)·(H, W) centred at a uniform point (clipped to the image) is pasted from a random
/// partner (a permutation of the batch), and the targets mix by the pasted area's true share.
/// </summary>
/// <param name="Alpha">Beta concentration (1.0 is usual).</param>
public sealed record CutMix(double Alpha = 1.0) : IMixTransform
{
    /// <inheritdoc />
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor oneHotTargets, Generator generator)
    {
        BatchChecks.FloatBatch(images, nameof(CutMix));
        MixChecks.Targets(images, oneHotTargets, nameof(CutMix));
        if (!(Alpha > 0)) throw new ArgumentOutOfRangeException(nameof(Alpha), "CutMix: alpha must be positive");
        int h = (int)images.shape[2], w = (int)images.shape[3];
        var rng = new HostRandom(generator);
        double lambda = rng.NextBeta(Alpha, Alpha);
        var box = Box(h, w, lambda, rng.NextUniform(), rng.NextUniform());
        double pasted = (double)box.Height * box.Width / ((double)h * w);
        using var scope = NewDisposeScope();
        var perm = MixChecks.Pairing(images.shape[0], generator, images.device);
        var partner = images.index_select(0, perm);
        var mask = RandomErasing.BoxMask(new CropBox?[] { box }, h, w, images.device);
        var mixed = where(mask, partner, images);
        var targets = oneHotTargets * (1 - pasted) + oneHotTargets.index_select(0, perm) * pasted;
        return (mixed.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope());
    }

    /// <summary>The pasted box for mixing weight <paramref name="lambda"/> and centre uniforms <paramref name="uy"/>, <paramref name="ux"/>.</summary>
    public static CropBox Box(int height, int width, double lambda, double uy, double ux)
    {
        double r = Math.Sqrt(1 - lambda);
        int cutH = (int)(height * r), cutW = (int)(width * r);
        int cy = RandomDraws.IntBetween(uy, 0, height), cx = RandomDraws.IntBetween(ux, 0, width);
        int y1 = Math.Clamp(cy - cutH / 2, 0, height), y2 = Math.Clamp(cy + cutH / 2, 0, height);
        int x1 = Math.Clamp(cx - cutW / 2, 0, width), x2 = Math.Clamp(cx + cutW / 2, 0, width);
        return new CropBox(y1, x1, y2 - y1, x2 - x1);
    }
}
