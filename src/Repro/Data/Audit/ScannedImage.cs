namespace Repro.Data.Audit;

/// <summary>What the audit reads from one image file.</summary>
internal sealed record ScannedImage
{
    /// <summary>train, val or test.</summary>
    public required string Split { get; init; }
    /// <summary>Class label (<see cref="ClassLabels"/>).</summary>
    public required int Label { get; init; }
    /// <summary>The class folder's name as on disk (e.g. malignant).</summary>
    public required string Folder { get; init; }
    /// <summary>Path relative to the dataset root, '/'-separated.</summary>
    public required string Path { get; init; }
    /// <summary>Patient or case id from the file name.</summary>
    public required string Id { get; init; }
    /// <summary>File size in bytes.</summary>
    public long Bytes { get; init; }
    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public string Sha256 { get; init; } = "";
    /// <summary>Null when the file decoded; else why not.</summary>
    public string? Error { get; init; }
    /// <summary>Width in pixels.</summary>
    public int Width { get; init; }
    /// <summary>Height in pixels.</summary>
    public int Height { get; init; }
    /// <summary>Pixel mode as stored (L, RGB, …).</summary>
    public string Mode { get; init; } = "";
    /// <summary>Container format (JPEG, PNG, …).</summary>
    public string Format { get; init; } = "";
    /// <summary>Estimated JPEG quality; null for other formats.</summary>
    public int? JpegQuality { get; init; }
    /// <summary>Mean grey level, 0…1.</summary>
    public double MeanIntensity { get; init; }
    /// <summary>Fraction of pixels in each of 16 equal grey-level bins.</summary>
    public double[] Histogram { get; init; } = [];
    /// <summary>64-bit difference hash (<see cref="PerceptualHash.DHash"/>).</summary>
    public ulong DHash { get; init; }
    /// <summary>64-bit DCT hash (<see cref="PerceptualHash.PHash"/>).</summary>
    public ulong PHash { get; init; }
    /// <summary>16×16 box-averaged grey thumbnail, 0…255, for confirming near-duplicates.</summary>
    public double[] Thumbnail { get; init; } = [];
    /// <summary>8×8 block-boundary energy of the decoded pixels (<see cref="BlockArtifacts"/>).</summary>
    public double BlockEnergy { get; init; }
    /// <summary>The same trivial features after source harmonisation (<see cref="ImageDecoding.Harmonize"/>): re-encoded file size, …</summary>
    public long HarmonizedBytes { get; init; }
    /// <summary>… mean grey level in [0, 1], …</summary>
    public double HarmonizedMean { get; init; }
    /// <summary>… 16-bin grey histogram, …</summary>
    public double[] HarmonizedHistogram { get; init; } = [];
    /// <summary>… and block-boundary energy.</summary>
    public double HarmonizedBlockEnergy { get; init; }
}
