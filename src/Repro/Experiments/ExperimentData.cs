using System.Globalization;

namespace Repro.Experiments;

/// <summary>The data an experiment runs on: the vendored MTH416 images, or the synthetic MTH416-shaped set at a scale.</summary>
/// <param name="SyntheticScale">Null: MTH416 (<c>data/mth416</c>); else the synthetic set's scale (seed 416).</param>
public sealed record ExperimentData(double? SyntheticScale = null)
{
    /// <summary>The study's images, vendored under <c>data/mth416</c>.</summary>
    public static ExperimentData Mth416 { get; } = new();

    /// <summary>The synthetic set at <paramref name="scale"/> of MTH416's counts.</summary>
    public static ExperimentData Synthetic(double scale) => new(scale);

    /// <summary>How the catalogue lists it.</summary>
    public override string ToString() =>
        SyntheticScale is { } s ? "synthetic x" + s.ToString("R", CultureInfo.InvariantCulture) : "MTH416";
}
