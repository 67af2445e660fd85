namespace Repro.Data;

/// <summary>
/// A problem with one file (as opposed to the layout of the dataset): the loader either turns it into
/// an <see cref="InvalidDataException"/> naming the file, or, with <see cref="DataOptions.SkipBadFiles"/>,
/// lists the file in <see cref="DatasetSplits.Skipped"/>.
/// </summary>
internal sealed class BadImageException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>Why the file was refused.</summary>
    public string Reason => Message;
}
