using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Mirrors each sample top–bottom with probability <paramref name="P"/> (torchvision
/// <c>RandomVerticalFlip</c>). One uniform per sample.
/// </summary>
/// <param name="P">Probability that a sample is flipped.</param>
public sealed record VerticalFlip(double P = 0.5) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(VerticalFlip));
        BatchChecks.Probability(P, nameof(VerticalFlip));
        return HorizontalFlip.FlipSelected(batch, RandomDraws.Uniform(RandomDraws.Need(generator, nameof(VerticalFlip)), (int)batch.shape[0]).Select(u => u < P).ToArray(), 2);
    }
}
