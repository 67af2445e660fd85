using Repro.IO;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Repro.Training.Presets;

/// <summary>
/// Overrides any preset field by its JSON path (snake_case, dots for nesting), e.g.
/// <c>epochs=3</c>, <c>defects.clamp_after_normalize=false</c>, <c>loss.kind=ce</c>,
/// <c>model.backbone=resnet18</c>. Values are parsed as JSON when they are JSON (numbers, booleans,
/// arrays, null), else taken as strings. Unknown paths are errors.
/// </summary>
public static class PresetOverrides
{
    /// <summary>Applies <paramref name="overrides"/> in order; the result keeps the preset's name.</summary>
    public static Preset Apply(Preset preset, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var list = overrides.ToList();
        if (list.Count == 0) return preset;
        var root = JsonSerializer.SerializeToNode(preset, ReproJson.Options)!.AsObject();
        foreach (var (path, raw) in list)
        {
            var parts = path.Split('.');
            JsonObject node = root;
            for (int i = 0; i < parts.Length - 1; i++)
            {
                if (i == 0 && node[parts[i]] is null && DefaultSection(parts[i]) is { } created)
                    node[parts[i]] = created; // an optional section (speed) starts from its defaults
                if (node[parts[i]] is not JsonObject child)
                    throw new ArgumentException($"--set {path}: '{parts[i]}' is not a section of preset {preset.Name}");
                node = child;
            }
            string leaf = parts[^1];
            if (!node.ContainsKey(leaf) && !IsNullableField(preset, parts))
                throw new ArgumentException($"--set {path}: preset {preset.Name} has no field '{leaf}' (fields: {string.Join(", ", node.Select(kv => kv.Key))})");
            node[leaf] = ParseValue(raw);
        }
        try
        {
            return root.Deserialize<Preset>(ReproJson.Options) ?? throw new ArgumentException("preset override produced nothing");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"--set: a value does not fit its field: {e.Message}", e);
        }
    }

    // An optional record-valued field of the preset (null by default), as its default value's JSON.
    private static JsonObject? DefaultSection(string name)
    {
        var property = typeof(Preset).GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == name);
        if (property is null || !property.PropertyType.IsClass || property.PropertyType == typeof(string)
            || property.PropertyType.GetConstructor(Type.EmptyTypes) is null) return null;
        return JsonSerializer.SerializeToNode(Activator.CreateInstance(property.PropertyType), property.PropertyType, ReproJson.Options) as JsonObject;
    }

    // Null-valued fields are omitted when serialising; allow setting the ones the record declares.
    private static bool IsNullableField(Preset preset, string[] parts)
    {
        if (parts.Length != 1) return parts.Length == 2 && parts[0] is "model" or "loss" && parts[1] is "weights_path" or "weights";
        return typeof(Preset).GetProperties().Any(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == parts[0]);
    }

    private static JsonNode? ParseValue(string raw)
    {
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || raw is "true" or "false" or "null"
            || raw.StartsWith('[') || raw.StartsWith('{'))
        {
            try { return JsonNode.Parse(raw); }
            catch (JsonException) { }
        }
        return JsonValue.Create(raw);
    }
}
