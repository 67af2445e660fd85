namespace Repro.Data.Audit;

/// <summary>Two files whose perceptual hashes are within the hash threshold (a candidate near-duplicate).</summary>
/// <param name="A">First file (relative path).</param>
/// <param name="B">Second file (relative path).</param>
/// <param name="Distance">Hamming distance of their 64-bit pHashes.</param>
/// <param name="ThumbnailDifference">Mean absolute difference of their 16×16 grey thumbnails (0–255).</param>
/// <param name="NearIdentical">True when the thumbnails confirm it (difference within the threshold).</param>
/// <param name="SameId">Both files carry the same patient/case id.</param>
/// <param name="CrossSplit">The files are in different splits.</param>
/// <param name="CrossClass">The files are under different classes.</param>
public sealed record NearDuplicatePair(string A, string B, int Distance, double ThumbnailDifference, bool NearIdentical,
    bool SameId, bool CrossSplit, bool CrossClass);
