using static TorchSharp.torch;

namespace Repro.Data.Sampling;

/// <summary>
/// Every index once per epoch, in a fresh random order each epoch: <c>randperm(n)</c> drawn from the
/// caller's CPU generator, which advances, so epoch 2 differs from epoch 1 (TorchSharp's DataLoader
/// with a fixed seed would repeat one order every epoch).
/// </summary>
public sealed class ShuffledSampler : ISampler
{
    private readonly int _n;
    private readonly Generator _generator;

    /// <summary>A sampler over <paramref name="n"/> samples drawing from <paramref name="generator"/> (not owned).</summary>
    public ShuffledSampler(int n, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentNullException.ThrowIfNull(generator);
        if (generator.device.type != TorchSharp.DeviceType.CPU)
            throw new ArgumentException("samplers draw from a CPU generator", nameof(generator));
        _n = n;
        _generator = generator;
    }

    /// <inheritdoc />
    public int EpochLength => _n;

    /// <inheritdoc />
    public long[] NextEpoch()
    {
        if (_n == 0) return [];
        using var perm = randperm(_n, dtype: ScalarType.Int64, device: CPU, generator: _generator);
        return perm.data<long>().ToArray();
    }
}
