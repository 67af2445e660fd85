namespace Repro.Models;

/// <summary>
/// What a model expects as input: channel count and per-channel mean/std applied to pixels scaled to
/// [0,1] (<c>(x - mean) / std</c>). The data pipeline applies the model's own normalisation.
/// </summary>
/// <param name="Channels">Input channels (grayscale is repeated to this many).</param>
/// <param name="Mean">Per-channel mean, in [0,1] pixel units.</param>
/// <param name="Std">Per-channel standard deviation, in [0,1] pixel units.</param>
public sealed record InputNormalization(int Channels, IReadOnlyList<double> Mean, IReadOnlyList<double> Std)
{
    /// <summary>torchvision's ImageNet statistics (the study's Normalize for both models).</summary>
    public static InputNormalization ImageNet { get; } =
        new(3, new[] { 0.485, 0.456, 0.406 }, new[] { 0.229, 0.224, 0.225 });
}
