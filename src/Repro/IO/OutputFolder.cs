namespace Repro.IO;

/// <summary>
/// Checks, before any work, that a folder can receive output: it is a folder (or can be created as one) and a file
/// can be created in it. Long runs call this first, so a wrong output folder is found in a second, not after the
/// decode and the first epoch.
/// </summary>
public static class OutputFolder
{
    /// <summary>
    /// Throws <see cref="IOException"/> naming <paramref name="path"/> when it is a file, lies under a file, or is
    /// not writable (for a folder not there yet: its nearest existing parent). Creates nothing that stays behind.
    /// </summary>
    public static void EnsureWritable(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new IOException($"output folder {path} is a file, not a folder");
        string? existing = full;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing)) throw new IOException($"output folder {path} cannot be created: {existing} is a file");
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is null) throw new IOException($"output folder {path} cannot be created: no parent folder exists");
        string probe = Path.Combine(existing, $".repro-write-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var _ = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            string where = existing == full ? "" : $" (its nearest existing parent {existing} is not writable)";
            throw new IOException($"output folder {path} is not writable{where}: {e.Message}", e);
        }
    }
}
