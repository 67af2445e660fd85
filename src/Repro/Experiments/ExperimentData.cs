using System.Globalization;
using Repro.Data;

namespace Repro.Experiments;

/// <summary>
/// The data an experiment runs on: the vendored MTH416 images, or the synthetic MTH416-shaped set at a scale; either
/// as it is or source-harmonised (every image re-encoded at one JPEG quality, <see cref="DataOptions.HarmonizeJpegQuality"/>).
/// </summary>
/// <param name="SyntheticScale">Null: MTH416 (<c>data/mth416</c>); else the synthetic set's scale (seed 416).</param>
/// <param name="HarmonizeJpegQuality">Null: the files as they are; else every image re-encoded at this JPEG quality (<c>--harmonize</c>).</param>
public sealed record ExperimentData(double? SyntheticScale = null, int? HarmonizeJpegQuality = null)
{
    /// <summary>The study's images, vendored under <c>data/mth416</c>.</summary>
    public static ExperimentData Mth416 { get; } = new();

    /// <summary>The study's images, source-harmonised at the default quality (75, the coarser of MTH416's two pipelines).</summary>
    public static ExperimentData Mth416Harmonized { get; } = new(null, DataOptions.DefaultHarmonizeQuality);

    /// <summary>The synthetic set at <paramref name="scale"/> of MTH416's counts.</summary>
    public static ExperimentData Synthetic(double scale) => new(scale);

    /// <summary>True when every image is re-encoded at one JPEG quality.</summary>
    public bool Harmonized => HarmonizeJpegQuality is not null;

    /// <summary>How the catalogue lists it, e.g. <c>MTH416</c> or <c>MTH416, harmonised (JPEG q75)</c>.</summary>
    public override string ToString() =>
        (SyntheticScale is { } s ? "synthetic x" + s.ToString("R", CultureInfo.InvariantCulture) : "MTH416") +
        (HarmonizeJpegQuality is { } q ? ", harmonised (JPEG q" + q.ToString(CultureInfo.InvariantCulture) + ")" : "");
}
