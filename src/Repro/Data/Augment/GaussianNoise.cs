using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Adds N(0, <paramref name="Sigma"/>²) noise to every value. The noise is drawn on the CPU from the
/// caller's generator and then moved to the batch's device, so one seed gives the same noise on CPU and
/// CUDA (at the cost of a host draw and a copy per batch). Sigma 0 draws nothing.
/// </summary>
/// <param name="Sigma">Standard deviation (the study: 0.01).</param>
public sealed record GaussianNoise(double Sigma) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(GaussianNoise));
        if (!(Sigma >= 0)) throw new ArgumentOutOfRangeException(nameof(Sigma), "GaussianNoise: sigma must be ≥ 0");
        if (Sigma == 0) return batch.alias();
        using var scope = NewDisposeScope();
        var noise = randn(batch.shape, dtype: ScalarType.Float32, device: CPU, generator: RandomDraws.Need(generator, nameof(GaussianNoise))).to(batch.device);
        return (batch + noise * Sigma).to_type(batch.dtype).MoveToOuterDisposeScope();
    }
}
