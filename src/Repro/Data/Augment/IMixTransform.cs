using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// A batch-level augmentation that mixes samples and their targets (mixup, cutmix): float32
/// <c>[B,C,H,W]</c> images and one-hot (or already soft) float targets <c>[B,K]</c> in, mixed images and
/// soft targets out, on the batch's device. Random draws come from the CPU generator passed in.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Mixup), "mixup")]
[JsonDerivedType(typeof(CutMix), "cutmix")]
public interface IMixTransform
{
    /// <summary>Mixes the batch; returns new tensors.</summary>
    (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor oneHotTargets, Generator generator);
}
