using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// mixup (Zhang et al. 2018): one λ ~ Beta(<paramref name="Alpha"/>, <paramref name="Alpha"/>) per batch
/// and a random pairing (a permutation of the batch); images and targets become
/// λ·own + (1−λ)·partner.
/// </summary>
/// <param name="Alpha">Beta concentration (0.2 is common; larger mixes more evenly).</param>
public sealed record Mixup(double Alpha = 0.2) : IMixTransform
{
    /// <inheritdoc />
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor oneHotTargets, Generator generator)
    {
        BatchChecks.FloatBatch(images, nameof(Mixup));
        MixChecks.Targets(images, oneHotTargets, nameof(Mixup));
        if (!(Alpha > 0)) throw new ArgumentOutOfRangeException(nameof(Alpha), "Mixup: alpha must be positive");
        double lambda = new HostRandom(generator).NextBeta(Alpha, Alpha);
        using var scope = NewDisposeScope();
        var perm = MixChecks.Pairing(images.shape[0], generator, images.device);
        var mixed = images * lambda + images.index_select(0, perm) * (1 - lambda);
        var targets = oneHotTargets * lambda + oneHotTargets.index_select(0, perm) * (1 - lambda);
        return (mixed.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope());
    }
}
