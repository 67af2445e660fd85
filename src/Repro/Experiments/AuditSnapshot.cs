using System.Text.Json.Nodes;
using Repro.Data.Audit;
using Repro.IO;
using Repro.Results;

namespace Repro.Experiments;

/// <summary>The dataset audit as a snapshot: its JSON (<see cref="CanonicalJson"/>) with the folder named, not the machine's path.</summary>
public static class AuditSnapshot
{
    /// <summary>The snapshot JSON of <paramref name="audit"/>: <c>data_dir</c> is the folder's name, paths inside it are relative.</summary>
    public static string Json(AuditReport audit)
    {
        string root = Path.TrimEndingDirectorySeparator(audit.DataDir);
        string json = ReproJson.Serialize(audit with { DataDir = Path.GetFileName(root) });
        // Unreadable files and notes name files under the root: keep them relative to it.
        json = json.Replace(JsonEncodedPrefix(root + Path.DirectorySeparatorChar), "", StringComparison.Ordinal);
        return CanonicalJson.Format(JsonNode.Parse(json));
    }

    private static string JsonEncodedPrefix(string path) => ReproJson.Serialize(path).Trim('"');
}
