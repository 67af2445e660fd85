namespace Repro.Data;

/// <summary>
/// Where the samples of re-partitioned splits came from: the original splits' fingerprint and counts, and for each
/// new split (train, val, test) the pooled index of each sample (train rows first, then val, then test).
/// </summary>
/// <param name="Fingerprint">Fingerprint of the original splits.</param>
/// <param name="Counts">Samples in the original train, val and test splits.</param>
/// <param name="PooledIndex">Per new split, the pooled index of each of its samples.</param>
public sealed record SplitOrigin(string Fingerprint, IReadOnlyList<int> Counts, IReadOnlyList<IReadOnlyList<int>> PooledIndex);
