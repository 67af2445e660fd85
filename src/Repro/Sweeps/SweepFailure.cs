using Repro.IO;

namespace Repro.Sweeps;

/// <summary>
/// Why an entry's last attempt failed, written by <see cref="SweepRunner"/> to <c>failed/INDEX.json</c> in the
/// sweep folder (and removed when the entry later succeeds), so that collecting can say why, not only that.
/// </summary>
/// <param name="Index">The entry.</param>
/// <param name="Error">The error's kind (exception type name).</param>
/// <param name="Message">The error message.</param>
/// <param name="Host">Machine the attempt ran on.</param>
/// <param name="AtUtc">When it failed (ISO 8601, UTC).</param>
public sealed record SweepFailure(int Index, string Error, string Message, string Host, string AtUtc)
{
    /// <summary>Writes the record for <paramref name="index"/> atomically.</summary>
    public static void Write(string sweepDirectory, int index, Exception error) =>
        AtomicFile.WriteAllText(SweepLayout.Resolve(sweepDirectory, SweepLayout.FailurePath(index)),
            ReproJson.Serialize(new SweepFailure(index, error.GetType().Name, error.Message, Environment.MachineName,
                DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture))) + "\n");

    /// <summary>The record of <paramref name="index"/>, or null when there is none.</summary>
    public static SweepFailure? Read(string sweepDirectory, int index)
    {
        string path = SweepLayout.Resolve(sweepDirectory, SweepLayout.FailurePath(index));
        return File.Exists(path) ? ReproJson.Deserialize<SweepFailure>(File.ReadAllText(path), path) : null;
    }

    /// <summary>Removes the record of <paramref name="index"/> (after a successful attempt).</summary>
    public static void Clear(string sweepDirectory, int index)
    {
        string path = SweepLayout.Resolve(sweepDirectory, SweepLayout.FailurePath(index));
        if (File.Exists(path)) File.Delete(path);
    }
}
