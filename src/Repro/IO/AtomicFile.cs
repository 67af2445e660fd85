using System.Collections.Concurrent;
using System.Text;

namespace Repro.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content, never a
/// half-written file: write to a temporary file in the same folder, flush, then rename over.
/// <para>
/// A temporary file is named <c>.{name}.{host}.{pid}.{random}.tmp</c> (<see cref="TempFileName"/>). A writer
/// killed mid-write (<c>kill -9</c>, power loss) leaves its temporary file behind; the first atomic write of
/// a later process into that folder removes such files (<see cref="RemoveStaleTempFiles"/>) — only those
/// written on this host by a process that is gone. Another host's files (a shared folder of a sweep) and a
/// live process's files are never touched.
/// </para>
/// </summary>
public static class AtomicFile
{
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream => { var bytes = new UTF8Encoding(false).GetBytes(text); stream.Write(bytes); });

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes through <paramref name="write"/> to a temporary file, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        if (Swept.TryAdd(dir, true)) RemoveStaleTempFiles(dir);
        var fault = Fault is { } f && full.EndsWith(f.FileSuffix, StringComparison.Ordinal) ? f : null;
        var writer = fault?.Writer ?? WriterIdentity.Current;
        string temp = Path.Combine(dir, TempFileName(Path.GetFileName(full), writer));
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Stream stream = fault is not null ? new FaultingStream(file, fault.AfterBytes) : file;
                write(stream);
                stream.Flush();
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (SimulatedCrashException)
        {
            throw; // a killed process cleans nothing up: the temporary file stays, as after kill -9
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>The temporary file name for <paramref name="fileName"/> written by <paramref name="writer"/>.</summary>
    public static string TempFileName(string fileName, WriterIdentity writer) =>
        $".{fileName}.{writer.Host}.{writer.ProcessId}.{Guid.NewGuid():N}.tmp";

    /// <summary>
    /// Removes the temporary files in <paramref name="directory"/> left by interrupted atomic writes of this host
    /// whose writing process is gone (no such process, or one started after the file was last written); returns
    /// their paths. Files of another host, of a live writer, and files not named by <see cref="TempFileName"/> stay.
    /// </summary>
    public static IReadOnlyList<string> RemoveStaleTempFiles(string directory)
    {
        var removed = new List<string>();
        if (!Directory.Exists(directory)) return removed;
        string host = WriterIdentity.Current.Host;
        foreach (string file in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            if (!TryParseTemp(Path.GetFileName(file), out string fileHost, out int pid)) continue;
            if (!string.Equals(fileHost, host, StringComparison.Ordinal)) continue;
            if (pid == Environment.ProcessId || WriterIdentity.IsAlive(pid, File.GetLastWriteTimeUtc(file))) continue;
            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another cleaner got there first, or the folder is read-only: leave it
            }
        }
        return removed;
    }

    // .{name}.{host}.{pid}.{32 hex}.tmp — the host carries no dots, so the fields are read from the right.
    private static bool TryParseTemp(string name, out string host, out int pid)
    {
        host = "";
        pid = 0;
        var parts = name.Split('.');
        if (parts.Length < 6 || parts[0].Length != 0 || parts[^1] != "tmp") return false;
        if (parts[^2].Length != 32 || !parts[^2].All(Uri.IsHexDigit)) return false;
        if (!int.TryParse(parts[^3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pid)) return false;
        host = parts[^4];
        return host.Length > 0;
    }

    private static readonly AsyncLocal<AtomicFileFault?> FaultSlot = new();

    /// <summary>Test seam: when set, writes of files whose path ends with <see cref="AtomicFileFault.FileSuffix"/> are
    /// stamped with <see cref="AtomicFileFault.Writer"/> and die after <see cref="AtomicFileFault.AfterBytes"/> bytes as a
    /// killed process would (the temporary file stays). Flows with the async context that set it (and the tasks it
    /// starts), so tests running beside it are not affected.</summary>
    internal static AtomicFileFault? Fault { get => FaultSlot.Value; set => FaultSlot.Value = value; }

    /// <summary>Forgets which folders were already swept (tests: a "next run" in the same process).</summary>
    internal static void ForgetSweeps() => Swept.Clear();

    private sealed class FaultingStream(Stream inner, long afterBytes) : Stream
    {
        private long _written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            long room = afterBytes - _written;
            if (room < buffer.Length)
            {
                inner.Write(buffer[..(int)Math.Max(0, room)]);
                inner.Flush();
                throw new SimulatedCrashException();
            }
            inner.Write(buffer);
            _written += buffer.Length;
        }
    }
}

/// <summary>An injected fault for <see cref="AtomicFile"/>: which files, the writer's identity and where it dies.</summary>
internal sealed record AtomicFileFault(string FileSuffix, WriterIdentity Writer, long AfterBytes);

/// <summary>The process dying mid-write, as injected by <see cref="AtomicFile.Fault"/>.</summary>
internal sealed class SimulatedCrashException() : Exception("simulated crash during an atomic write");
