namespace Repro.Data.Audit;

/// <summary>Near-identical images by perceptual hash, over all pairs of readable images.</summary>
/// <param name="Hash">The hash used: 64-bit dHash on a 9×8 box-averaged grey image.</param>
/// <param name="Threshold">Largest Hamming distance counted as near-identical.</param>
/// <param name="PairsCompared">Number of pairs compared.</param>
/// <param name="Pairs">Pairs within the threshold.</param>
/// <param name="CrossSplitPairs">Of those, pairs in different splits.</param>
/// <param name="CrossClassPairs">Of those, pairs under different classes.</param>
/// <param name="DifferentIdPairs">Of those, pairs with different patient/case ids.</param>
/// <param name="Listed">The closest pairs (at most <see cref="MaxListed"/>), closest first.</param>
/// <param name="DistanceHistogram">Number of pairs at each distance 0…16 (index = distance), for choosing the threshold.</param>
public sealed record NearDuplicates(string Hash, int Threshold, long PairsCompared, int Pairs, int CrossSplitPairs,
    int CrossClassPairs, int DifferentIdPairs, IReadOnlyList<NearDuplicatePair> Listed, IReadOnlyList<long> DistanceHistogram)
{
    /// <summary>How many pairs the report lists.</summary>
    public const int MaxListed = 200;
}
