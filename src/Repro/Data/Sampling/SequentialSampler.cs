namespace Repro.Data.Sampling;

/// <summary>Every index once per epoch, in order 0…n−1 (evaluation, or training without shuffling).</summary>
public sealed class SequentialSampler : ISampler
{
    private readonly int _n;

    /// <summary>A sampler over <paramref name="n"/> samples.</summary>
    public SequentialSampler(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        _n = n;
    }

    /// <inheritdoc />
    public int EpochLength => _n;

    /// <inheritdoc />
    public long[] NextEpoch()
    {
        var order = new long[_n];
        for (int i = 0; i < _n; i++) order[i] = i;
        return order;
    }
}
