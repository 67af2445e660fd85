using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>Clamps every value to [<paramref name="Min"/>, <paramref name="Max"/>]; deterministic.</summary>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound.</param>
public sealed record Clamp(double Min, double Max) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(Clamp));
        if (!(Min <= Max)) throw new ArgumentException($"Clamp: min {Min} > max {Max}");
        return batch.clamp(Min, Max);
    }
}
