using static TorchSharp.torch;

namespace Repro.Training.Losses;

/// <summary>
/// A classification loss: logits <c>[B,C]</c> and targets — int64 labels <c>[B]</c> or, after
/// mixup/cutmix, float class distributions <c>[B,C]</c> — to a scalar (mean over the batch).
/// </summary>
public interface ILossFunction
{
    /// <summary>The scalar loss.</summary>
    Tensor Compute(Tensor logits, Tensor targets);
}
