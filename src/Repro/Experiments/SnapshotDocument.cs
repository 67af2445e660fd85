namespace Repro.Experiments;

/// <summary>One snapshot file's content: <c>snapshots/{Stem}.verified.{Extension}</c>.</summary>
public sealed record SnapshotDocument(string Stem, string Extension, string Text)
{
    /// <summary>The verified file's name.</summary>
    public string VerifiedFileName => $"{Stem}.verified.{Extension}";
}
