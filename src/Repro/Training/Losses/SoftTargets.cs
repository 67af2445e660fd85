using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training.Losses;

/// <summary>Turns hard labels into class distributions, so each loss has one formula for both kinds of target.</summary>
internal static class SoftTargets
{
    /// <summary>Float <c>[B,C]</c>: one-hot of int64 labels, or the given distribution unchanged.</summary>
    public static Tensor Of(Tensor targets, long classes, ScalarType dtype)
    {
        if (targets.dtype != ScalarType.Int64) return targets.to(dtype);
        using var oneHot = nn.functional.one_hot(targets, classes);
        return oneHot.to(dtype);
    }
}
