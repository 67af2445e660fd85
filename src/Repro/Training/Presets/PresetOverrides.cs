using Repro.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Repro.Training.Presets;

/// <summary>
/// Overrides any preset field by its JSON path (snake_case, dots for nesting), e.g.
/// <c>epochs=3</c>, <c>defects.clamp_after_normalize=false</c>, <c>loss.kind=ce</c>,
/// <c>model.backbone=resnet18</c>. The fields and their types come from System.Text.Json's contract for the preset
/// (<see cref="ReproJson.Options"/>), so the paths are exactly the settings file's keys, nullable fields included.
/// A value is read as JSON of the field's type (numbers, booleans, arrays, null; enums and strings as written).
/// An optional section that is null (<c>speed</c>) starts from its defaults. Unknown paths and values that do not
/// fit are errors; ranges are <see cref="Preset.Validate"/>'s.
/// </summary>
public static class PresetOverrides
{
    /// <summary>Applies <paramref name="overrides"/> in order; the result keeps the preset's name.</summary>
    public static Preset Apply(Preset preset, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        foreach (var (path, raw) in overrides)
            preset = (Preset)With(preset, typeof(Preset), path, path.Split('.'), 0, raw, preset.Name);
        return preset;
    }

    // A copy of `owner` (of type `type`) with the field at parts[depth..] set to `raw`.
    private static object With(object owner, Type type, string path, string[] parts, int depth, string raw, string presetName)
    {
        var contract = ReproJson.Options.GetTypeInfo(type);
        var field = contract.Properties.FirstOrDefault(p => p.Name == parts[depth])
            ?? throw new ArgumentException(depth == 0
                ? $"--set {path}: preset {presetName} has no field '{parts[depth]}' (fields: {string.Join(", ", contract.Properties.Select(p => p.Name))})"
                : $"--set {path}: '{string.Join('.', parts[..depth])}' has no field '{parts[depth]}' (fields: {string.Join(", ", contract.Properties.Select(p => p.Name))})");
        if (field.Get is null || field.Set is null) throw new ArgumentException($"--set {path}: '{field.Name}' cannot be set");
        object? value;
        if (depth == parts.Length - 1) value = Parse(field, path, raw);
        else
        {
            var sectionType = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
            var sectionContract = ReproJson.Options.GetTypeInfo(sectionType);
            if (sectionContract.Kind != JsonTypeInfoKind.Object)
                throw new ArgumentException($"--set {path}: '{string.Join('.', parts[..(depth + 1)])}' is not a section of preset {presetName}");
            var section = field.Get(owner) ?? sectionContract.CreateObject?.Invoke()
                ?? throw new ArgumentException($"--set {path}: '{field.Name}' is not set and has no defaults to start from");
            value = With(section, sectionType, path, parts, depth + 1, raw, presetName);
        }
        var copy = Copy(owner);
        field.Set(copy, value);
        return copy;
    }

    // The value of a field from its command-line text, as the settings file would hold it.
    private static object? Parse(JsonPropertyInfo field, string path, string raw)
    {
        var type = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
        bool textual = type == typeof(string) || type.IsEnum;
        JsonNode? node = raw == "null" ? null : textual ? JsonValue.Create(raw) : ParseJson(raw);
        try
        {
            var value = node is null ? null : node.Deserialize(field.PropertyType, ReproJson.Options);
            if (value is null && field.PropertyType.IsValueType && Nullable.GetUnderlyingType(field.PropertyType) is null)
                throw new JsonException($"'{field.Name}' cannot be null");
            return value;
        }
        catch (JsonException e)
        {
            string expected = type.IsEnum ? "one of " + string.Join(", ", Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, ReproJson.Options).Trim('"')))
                : type == typeof(bool) ? "true or false"
                : type == typeof(int) || type == typeof(long) ? "a whole number"
                : type == typeof(double) ? "a number"
                : "a JSON value of its type";
            throw new ArgumentException($"--set {path}={raw}: the value does not fit '{field.Name}' (expected {expected})", e);
        }
    }

    private static JsonNode? ParseJson(string raw)
    {
        try { return JsonNode.Parse(raw); }
        catch (JsonException) { return JsonValue.Create(raw); } // not JSON: a string, which the field's type then refuses
    }

    // A shallow copy of a record (its compiler-made clone), so that the preset given is never changed.
    private static object Copy(object record)
    {
        var clone = record.GetType().GetMethod("<Clone>$")
            ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record");
        return clone.Invoke(record, null)!;
    }
}
