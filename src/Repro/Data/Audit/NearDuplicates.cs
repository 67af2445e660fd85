namespace Repro.Data.Audit;

/// <summary>
/// Near-identical images over all pairs of readable images, in two stages: a perceptual hash within
/// <see cref="Threshold"/> bits makes a candidate, and near-equal thumbnails confirm it. The hash
/// alone is not enough on mammograms — every one is a bright region on black, so even a 64-bit dHash
/// puts ~3 % of all MTH416 pairs within 4 bits and pHash still pairs different patients at distance 0.
/// </summary>
/// <param name="Hash">The hash: 64-bit pHash (DCT of a 32×32 box-averaged grey image).</param>
/// <param name="Threshold">Largest Hamming distance that makes a candidate pair.</param>
/// <param name="Confirmation">How candidates are confirmed.</param>
/// <param name="ThumbnailThreshold">Largest thumbnail difference (grey levels) that confirms a candidate.</param>
/// <param name="PairsCompared">Number of pairs compared.</param>
/// <param name="Candidates">Pairs within the hash threshold.</param>
/// <param name="Pairs">Candidates confirmed as near-identical.</param>
/// <param name="CrossSplitPairs">Of the confirmed pairs, those in different splits.</param>
/// <param name="CrossClassPairs">Of the confirmed pairs, those under different classes.</param>
/// <param name="DifferentIdPairs">Of the confirmed pairs, those with different patient/case ids.</param>
/// <param name="Listed">Candidates (at most <see cref="MaxListed"/>), most similar thumbnails first.</param>
/// <param name="DistanceHistogram">Number of pairs at each pHash distance 0…16 (index = distance).</param>
public sealed record NearDuplicates(string Hash, int Threshold, string Confirmation, double ThumbnailThreshold,
    long PairsCompared, int Candidates, int Pairs, int CrossSplitPairs, int CrossClassPairs, int DifferentIdPairs,
    IReadOnlyList<NearDuplicatePair> Listed, IReadOnlyList<long> DistanceHistogram)
{
    /// <summary>How many candidate pairs the report lists.</summary>
    public const int MaxListed = 200;
}
