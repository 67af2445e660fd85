using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// One augmentation or preprocessing step on a whole batch, on the batch's device: float32
/// <c>[B,C,H,W]</c> in (uint8 for <see cref="ToUnitRange"/>), a new tensor out — of the same shape except
/// for the steps whose job is the shape (<see cref="Resize"/>, <see cref="RandomResizedCrop"/>,
/// <see cref="RepeatChannels"/>). Random parameters are drawn per sample from the given generator (a
/// CPU generator, so that one seed gives the same batches on CPU and on CUDA), then moved to the batch's
/// device. Implementations are records of plain settings; they serialise to JSON with a <c>type</c>
/// discriminator, which is how the input pipeline describes itself in the feature cache's key (presets do not
/// hold transforms: they name a pipeline, <c>augment</c>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Compose), "compose")]
[JsonDerivedType(typeof(ToUnitRange), "to_unit_range")]
[JsonDerivedType(typeof(RepeatChannels), "repeat_channels")]
[JsonDerivedType(typeof(Resize), "resize")]
[JsonDerivedType(typeof(HorizontalFlip), "horizontal_flip")]
[JsonDerivedType(typeof(VerticalFlip), "vertical_flip")]
[JsonDerivedType(typeof(RandomRotation), "random_rotation")]
[JsonDerivedType(typeof(RandomResizedCrop), "random_resized_crop")]
[JsonDerivedType(typeof(RandomPerspective), "random_perspective")]
[JsonDerivedType(typeof(ColorJitter), "color_jitter")]
[JsonDerivedType(typeof(Normalize), "normalize")]
[JsonDerivedType(typeof(RandomErasing), "random_erasing")]
[JsonDerivedType(typeof(GaussianNoise), "gaussian_noise")]
[JsonDerivedType(typeof(Clamp), "clamp")]
public interface IBatchTransform
{
    /// <summary>Applies the step. <paramref name="generator"/>: the run's CPU generator for a training pipeline; null for
    /// a deterministic (evaluation) pipeline, where a random step refuses to run.</summary>
    Tensor Apply(Tensor batch, Generator? generator);
}
