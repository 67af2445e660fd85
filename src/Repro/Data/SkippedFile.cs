namespace Repro.Data;

/// <summary>A file left out of a dataset (only with an explicit skip option), and why.</summary>
/// <param name="Path">Path relative to the dataset root.</param>
/// <param name="Reason">What was wrong with it.</param>
public sealed record SkippedFile(string Path, string Reason);
