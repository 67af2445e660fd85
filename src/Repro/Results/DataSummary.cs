using Repro.Data;

namespace Repro.Results;

/// <summary>What data a run used.</summary>
/// <param name="Source">Folder path or synthetic(seed,scale).</param>
/// <param name="Fingerprint">Decoded-content hash.</param>
/// <param name="ImageSize">Decoded size.</param>
/// <param name="Counts">Per split (train, val, test): counts per class in label order.</param>
/// <param name="TrainUsed">Training images used (after <c>train_fraction</c>).</param>
/// <param name="Skipped">Files skipped under an explicit option.</param>
public sealed record DataSummary(string Source, string Fingerprint, int ImageSize, IReadOnlyDictionary<string, int[]> Counts,
    int TrainUsed, IReadOnlyList<SkippedFile> Skipped);
