using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>Checks and the pairing shared by <see cref="Mixup"/> and <see cref="CutMix"/>.</summary>
internal static class MixChecks
{
    /// <summary>Fails unless the targets are float <c>[B,K]</c> for a batch of B images.</summary>
    public static void Targets(Tensor images, Tensor targets, string transform)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.dim() != 2 || targets.shape[0] != images.shape[0] || !targets.is_floating_point())
            throw new ArgumentException($"{transform}: targets must be float [B,K] one-hot rows for {images.shape[0]} images, got {targets.dtype} [{string.Join(",", targets.shape)}]");
    }

    /// <summary>A random permutation of the batch (partner of each sample), drawn on the CPU, moved to <paramref name="device"/>.</summary>
    public static Tensor Pairing(long batch, Generator generator, Device device)
    {
        var perm = randperm(batch, dtype: ScalarType.Int64, device: CPU, generator: generator);
        if (device.type == TorchSharp.DeviceType.CPU) return perm;
        using (perm) return perm.to(device);
    }
}
