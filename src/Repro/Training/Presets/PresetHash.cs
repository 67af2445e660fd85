using Repro.IO;
using System.Security.Cryptography;
using System.Text;

namespace Repro.Training.Presets;

/// <summary>A short hash of a preset's resolved settings: any changed field changes it.</summary>
public static class PresetHash
{
    /// <summary>First 12 hex characters of SHA-256 over the preset's JSON.</summary>
    public static string Of(Preset preset) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReproJson.Serialize(preset))))[..12];
}
