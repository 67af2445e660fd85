using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Repro.Data.Augment;

/// <summary>
/// Resizes every sample to <paramref name="Size"/>×<paramref name="Size"/>, bilinear with antialiasing
/// (as PIL's bilinear, which torchvision's <c>Resize</c> uses on images); deterministic. A batch already at
/// the size is passed through unchanged (the MTH416 files are 224×224).
/// </summary>
/// <param name="Size">Output height and width.</param>
public sealed record Resize(int Size) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(Resize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Size);
        if (batch.shape[2] == Size && batch.shape[3] == Size) return batch.alias();
        return F.interpolate(batch, [Size, Size], mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
    }
}
