namespace Repro.Data;

/// <summary>
/// Where a dataset comes from and how its images are decoded (<see cref="DatasetLoader"/>).
/// </summary>
public sealed record DataOptions
{
    /// <summary>
    /// Dataset root holding <c>train/</c>, <c>val/</c>, <c>test/</c>, each with <c>normal/</c>,
    /// <c>benign/</c> and <c>cancer/</c> (or <c>malignant/</c>). Null: the embedded synthetic set
    /// described by <see cref="Synthetic"/>.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>Side of the square images after decoding (224, as in the study).</summary>
    public int ImageSize { get; init; } = 224;

    /// <summary>Seed and scale of the synthetic set (used when <see cref="Directory"/> is null).</summary>
    public SyntheticOptions Synthetic { get; init; } = new();

    /// <summary>
    /// False (default): a bad file stops the load with an error naming it. True: bad files are left
    /// out and listed in <see cref="DatasetSplits.Skipped"/>. Structural problems (a missing split, an
    /// unknown or missing class folder, a class left without images) always stop the load.
    /// </summary>
    public bool SkipBadFiles { get; init; }

    /// <summary>Folder of the decoded-dataset cache. Null: <c>$REPRO_CACHE</c>, else <c>~/.cache/repro</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Read and write the decoded-dataset cache (default true).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>
    /// Decompression-bomb cap: an image whose header declares more pixels (width × height) than this
    /// is refused before any pixel is decoded. Default 40 million (e.g. 8000 × 5000).
    /// </summary>
    public long MaxDecodedPixels { get; init; } = DefaultMaxDecodedPixels;

    /// <summary>The decoded-pixel cap unless a caller sets another (40 Mpx: far above any mammogram in the study).</summary>
    public const long DefaultMaxDecodedPixels = 40_000_000;

    /// <summary>
    /// Source harmonisation: null (default) decodes every file as it is. A quality q re-encodes every image of every
    /// split the same way before resizing — decode to 8-bit grey pixels, encode with one JPEG encoder (ImageSharp,
    /// luminance only) at quality q, decode again (<see cref="ImageDecoding.Harmonize"/>) — so that no image keeps the
    /// compression signature of its source pipeline (MTH416's normal images are JPEG quality 95, its lesions 75).
    /// Part of the decoded-data cache key. <see cref="DefaultHarmonizeQuality"/> is the coarser of MTH416's two sources.
    /// </summary>
    public int? HarmonizeJpegQuality { get; init; }

    /// <summary>The harmonisation quality <c>--harmonize</c> uses: 75, MTH416's lesion images' quality.</summary>
    public const int DefaultHarmonizeQuality = 75;

    /// <summary>One fold of patient-grouped cross-validation (<see cref="FoldSpec"/>); null: the dataset's own splits.</summary>
    public FoldSpec? Fold { get; init; }

    /// <summary>The cache folder these options resolve to.</summary>
    public string ResolveCacheDirectory()
    {
        if (!string.IsNullOrWhiteSpace(CacheDirectory)) return Path.GetFullPath(CacheDirectory);
        string? env = Environment.GetEnvironmentVariable("REPRO_CACHE");
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "repro");
    }

    /// <summary>Fails on settings that cannot describe a dataset.</summary>
    public void Validate()
    {
        if (ImageSize is < 8 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, "image size must be between 8 and 4096");
        if (MaxDecodedPixels <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxDecodedPixels), MaxDecodedPixels, "the decoded-pixel cap must be positive");
        if (HarmonizeJpegQuality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(HarmonizeJpegQuality), HarmonizeJpegQuality, "the harmonising JPEG quality must be between 1 and 100");
        Fold?.Validate();
        ArgumentNullException.ThrowIfNull(Synthetic);
        Synthetic.Validate();
    }
}
