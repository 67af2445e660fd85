using System.Diagnostics;
using System.Text;

namespace Repro.IO;

/// <summary>
/// Who writes a temporary file: the host (letters, digits and '-' only, so that it never holds the '.' that
/// separates the fields of a temporary file's name) and the process id.
/// </summary>
/// <param name="Host">The host name, sanitised.</param>
/// <param name="ProcessId">The writing process.</param>
public sealed record WriterIdentity(string Host, int ProcessId)
{
    /// <summary>This process on this host.</summary>
    public static WriterIdentity Current { get; } = new(Sanitise(Environment.MachineName), Environment.ProcessId);

    /// <summary>The host name with every character outside [A-Za-z0-9-] replaced by '-'.</summary>
    public static string Sanitise(string host)
    {
        var sb = new StringBuilder(host.Length);
        foreach (char c in host) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        return sb.Length == 0 ? "unknown-host" : sb.ToString();
    }

    /// <summary>
    /// Whether process <paramref name="pid"/> of this host may still be the writer of a file last written at
    /// <paramref name="lastWriteUtc"/>: it runs and started before that time. When in doubt (no permission to
    /// look), it counts as alive, so its file is kept.
    /// </summary>
    public static bool IsAlive(int pid, DateTime lastWriteUtc)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            return process.StartTime.ToUniversalTime() <= lastWriteUtc.AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true;
        }
    }
}
