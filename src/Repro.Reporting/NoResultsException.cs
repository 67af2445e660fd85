namespace Repro.Reporting;

/// <summary>The results folder holds no result file: there is nothing to report yet.</summary>
public sealed class NoResultsException : IOException
{
    /// <summary>Creates the error for <paramref name="directory"/>.</summary>
    public NoResultsException(string directory)
        : base($"no result files under {directory}; run `repro reproduce` or `repro train` first") => Directory = directory;

    /// <summary>The folder that was searched.</summary>
    public string Directory { get; }
}
