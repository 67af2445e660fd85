using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Turns a one-channel (grayscale) batch into <paramref name="Channels"/> identical channels, as reading
/// the grayscale files as RGB does; a batch that already has that many channels passes through.
/// </summary>
/// <param name="Channels">Channels wanted (3 for ImageNet backbones and the study's CNN).</param>
public sealed record RepeatChannels(int Channels) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Channels);
        if (batch.dim() != 4) throw new ArgumentException($"RepeatChannels: expected [B,C,H,W], got [{string.Join(",", batch.shape)}]");
        long c = batch.shape[1];
        if (c == Channels) return batch.alias();
        if (c != 1) throw new ArgumentException($"RepeatChannels: cannot make {Channels} channels from {c}");
        return batch.repeat(1, Channels, 1, 1);
    }
}
