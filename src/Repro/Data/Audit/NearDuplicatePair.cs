namespace Repro.Data.Audit;

/// <summary>Two files whose perceptual hashes differ in at most the threshold's number of bits.</summary>
/// <param name="A">First file (relative path).</param>
/// <param name="B">Second file (relative path).</param>
/// <param name="Distance">Hamming distance of their 64-bit dHashes.</param>
/// <param name="SameId">Both files carry the same patient/case id.</param>
/// <param name="CrossSplit">The files are in different splits.</param>
/// <param name="CrossClass">The files are under different classes.</param>
public sealed record NearDuplicatePair(string A, string B, int Distance, bool SameId, bool CrossSplit, bool CrossClass);
