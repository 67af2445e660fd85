using static TorchSharp.torch;

namespace Repro.Data;

/// <summary>One split on the host, before it becomes a <see cref="TensorSet"/>: what the cache stores.</summary>
/// <param name="Name">train, val or test.</param>
/// <param name="ImageSize">Side of the square images.</param>
/// <param name="Pixels">All images, row-major, one after another (<c>Count × ImageSize²</c> bytes).</param>
/// <param name="Labels">Label per sample.</param>
/// <param name="Ids">Patient/case id per sample.</param>
/// <param name="Paths">Relative path per sample, '/'-separated.</param>
internal sealed record DecodedSplit(string Name, int ImageSize, byte[] Pixels, int[] Labels, string[] Ids, string[] Paths)
{
    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>A CPU tensor set of this split (uint8 [N,1,H,W], int64 labels).</summary>
    public TensorSet ToTensorSet()
    {
        var images = tensor(Pixels, [Count, 1, ImageSize, ImageSize], dtype: ScalarType.Byte);
        var labels = tensor(Labels.Select(l => (long)l).ToArray(), [Count], dtype: ScalarType.Int64);
        return new TensorSet(Name, images, labels, Ids, Paths);
    }
}
