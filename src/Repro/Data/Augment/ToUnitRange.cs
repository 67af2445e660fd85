using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// uint8 pixels 0…255 → float32 0…1 (torchvision <c>ToTensor</c>'s scaling); deterministic. The first
/// step of every pipeline, since the tensor set keeps images as uint8.
/// </summary>
public sealed record ToUnitRange : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.dim() != 4 || batch.dtype != ScalarType.Byte)
            throw new ArgumentException($"ToUnitRange: expected a uint8 [B,C,H,W] batch, got {batch.dtype} [{string.Join(",", batch.shape)}]");
        using var scope = NewDisposeScope();
        return (batch.to_type(ScalarType.Float32) / 255f).MoveToOuterDisposeScope();
    }
}
