namespace Repro.Data.Audit;

/// <summary>Byte-identical files.</summary>
/// <param name="Sha256">Their SHA-256, lower-case hex.</param>
/// <param name="Files">The files, relative to the dataset root.</param>
public sealed record DuplicateGroup(string Sha256, IReadOnlyList<string> Files);
