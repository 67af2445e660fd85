using System.Text;
using System.Text.Json;
using Repro.Results;

namespace Repro.Reporting;

/// <summary>
/// Finds the result files under a folder: every <c>*.json</c> (recursively) whose top-level object has the
/// keys of a <see cref="RunResult"/> (<c>schema_version</c>, <c>preset</c>, <c>test</c>, <c>history</c>).
/// Other JSON — BenchmarkDotNet exports, the audit, anything else — is passed over silently; a file that
/// looks like a result but does not read, and a <c>.json</c> file that is not valid JSON at all (a truncated
/// result), is passed over with a note naming it.
/// </summary>
public static class ResultScanner
{
    private static readonly string[] RequiredKeys = { "schema_version", "preset", "test", "history", "test_predictions" };

    /// <summary>Reads the result files under <paramref name="directory"/> in path order.</summary>
    /// <param name="directory">Folder to search.</param>
    /// <param name="exclude">Absolute paths (files or folders) never to read, e.g. the report's own output.</param>
    /// <param name="notes">Receives one line per file that looked like a result but could not be read.</param>
    public static List<LoadedRun> Scan(string directory, IReadOnlyCollection<string> exclude, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(notes);
        string root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) throw new NoResultsException(directory);
        var excluded = exclude.Select(Path.GetFullPath).ToList();
        var files = Directory.EnumerateFiles(root, "*.json", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Select(Path.GetFullPath)
            .Where(f => !excluded.Any(x => IsUnder(f, x)))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var runs = new List<LoadedRun>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!LooksLikeResult(file, out string? unreadable))
            {
                if (unreadable is not null) notes.Add($"could not read {relative}: {unreadable}");
                continue;
            }
            RunResult result;
            try
            {
                result = ResultFile.Read(file);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or JsonException or NotSupportedException)
            {
                notes.Add($"skipped {relative}: {e.Message}");
                continue;
            }
            string key = UniqueKey(relative, keys);
            runs.Add(new LoadedRun(relative, key, result));
        }
        return runs;
    }

    /// <summary>True when the file is a JSON object with every key a result file has (a cheap check, no full read).</summary>
    public static bool LooksLikeResult(string path) => LooksLikeResult(path, out _);

    /// <summary>
    /// <see cref="LooksLikeResult(string)"/>; a file that is not valid JSON at all (a result cut off by a killed
    /// writer or a full disk, an unreadable file) is no result either, and <paramref name="unreadable"/> says why.
    /// </summary>
    public static bool LooksLikeResult(string path, out string? unreadable)
    {
        unreadable = null;
        try
        {
            using var stream = File.OpenRead(path);
            using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return doc.RootElement.ValueKind == JsonValueKind.Object && RequiredKeys.All(k => doc.RootElement.TryGetProperty(k, out _));
        }
        catch (JsonException e)
        {
            unreadable = $"not valid JSON (truncated or damaged: {e.Message})";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unreadable = e.Message;
            return false;
        }
    }

    private static bool IsUnder(string file, string excluded) =>
        string.Equals(file, excluded, StringComparison.Ordinal) ||
        file.StartsWith(excluded.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string UniqueKey(string relative, HashSet<string> taken)
    {
        string stem = relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? relative[..^5] : relative;
        var sb = new StringBuilder();
        foreach (char c in stem)
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        string key = sb.ToString().Trim('.');
        if (key.Length == 0) key = "run";
        string candidate = key;
        for (int i = 2; !taken.Add(candidate); i++) candidate = $"{key}-{i}";
        return candidate;
    }
}
