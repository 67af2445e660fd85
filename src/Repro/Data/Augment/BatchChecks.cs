using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>Argument checks shared by the transforms.</summary>
internal static class BatchChecks
{
    /// <summary>Fails unless <paramref name="batch"/> is a floating-point <c>[B,C,H,W]</c> tensor.</summary>
    public static void FloatBatch(Tensor batch, string transform)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.dim() != 4 || !batch.is_floating_point())
            throw new ArgumentException($"{transform}: expected a floating-point [B,C,H,W] batch, got {batch.dtype} [{string.Join(",", batch.shape)}]");
    }

    /// <summary>Fails unless <paramref name="p"/> is a probability.</summary>
    public static void Probability(double p, string transform)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), $"{transform}: probability {p} is not in [0, 1]");
    }
}
