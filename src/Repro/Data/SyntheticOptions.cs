namespace Repro.Data;

/// <summary>
/// Settings of the embedded synthetic mammography set (<see cref="Synthetic.SyntheticMammograms"/>).
/// </summary>
public sealed record SyntheticOptions
{
    /// <summary>Seed of the generator: the same seed gives byte-identical images.</summary>
    public int Seed { get; init; } = 416;

    /// <summary>
    /// Multiplies every split/class count of MTH416 (train 2145/186/132, val 267/20/16, test 267/20/18);
    /// each count is rounded and kept at least 1. <c>0.05</c> gives a fast test set.
    /// </summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Fails on a scale that is not a positive finite number.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Scale) || Scale <= 0)
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "synthetic scale must be a positive number");
    }

    /// <summary>The <see cref="DatasetSplits.Source"/> text of this set: <c>synthetic(seed=416,scale=1)</c>.</summary>
    public string Describe() => FormattableString.Invariant($"synthetic(seed={Seed},scale={Scale:R})");
}
