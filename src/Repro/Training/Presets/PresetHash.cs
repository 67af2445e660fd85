using Repro.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Repro.Training.Presets;

/// <summary>
/// A short hash of what a preset's experiment is: any field that changes the numbers changes it; the fields in
/// <see cref="NotHashed"/> (labels and where it runs) do not. The one definition of the hashed fields.
/// </summary>
public static class PresetHash
{
    /// <summary>
    /// The preset's JSON keys left out of the hash: its name and description (labels, not settings) and its
    /// default device (where a run goes, not what it computes; device-class differences live in snapshot names).
    /// Every other field — including any added later — is hashed.
    /// </summary>
    public static IReadOnlyList<string> NotHashed { get; } = ["name", "description", "device"];

    /// <summary>First 12 hex characters of SHA-256 over the preset's JSON without <see cref="NotHashed"/>.</summary>
    public static string Of(Preset preset) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HashedJson(preset))))[..12];

    /// <summary>The text that is hashed: the preset's JSON (the file convention) without <see cref="NotHashed"/>.</summary>
    public static string HashedJson(Preset preset)
    {
        var node = JsonNode.Parse(ReproJson.Serialize(preset))!.AsObject();
        foreach (string key in NotHashed) node.Remove(key);
        return node.ToJsonString(ReproJson.Options);
    }
}
