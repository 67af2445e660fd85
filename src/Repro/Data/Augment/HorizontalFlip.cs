using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Mirrors each sample left–right with probability <paramref name="P"/> (torchvision
/// <c>RandomHorizontalFlip</c>). One uniform per sample.
/// </summary>
/// <param name="P">Probability that a sample is flipped.</param>
public sealed record HorizontalFlip(double P = 0.5) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(HorizontalFlip));
        BatchChecks.Probability(P, nameof(HorizontalFlip));
        return FlipSelected(batch, RandomDraws.Uniform(RandomDraws.Need(generator, nameof(HorizontalFlip)), (int)batch.shape[0]).Select(u => u < P).ToArray(), 3);
    }

    /// <summary>Flips along <paramref name="dim"/> the samples where <paramref name="selected"/> is true.</summary>
    internal static Tensor FlipSelected(Tensor batch, bool[] selected, long dim)
    {
        if (!selected.Any(s => s)) return batch.alias();
        if (selected.All(s => s)) return batch.flip(dim);
        using var scope = NewDisposeScope();
        var mask = RandomDraws.PerSample(selected, batch.device);
        return where(mask, batch.flip(dim), batch).MoveToOuterDisposeScope();
    }
}
