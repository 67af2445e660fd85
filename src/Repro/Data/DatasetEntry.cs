namespace Repro.Data;

/// <summary>One image file found in a dataset folder.</summary>
/// <param name="SplitIndex">0 train, 1 val, 2 test.</param>
/// <param name="Label">Class label from its folder (<see cref="ClassLabels.FromName"/>).</param>
/// <param name="RelativePath">Path relative to the dataset root, '/'-separated, as found on disk.</param>
/// <param name="FullPath">Absolute path.</param>
internal sealed record DatasetEntry(int SplitIndex, int Label, string RelativePath, string FullPath);
