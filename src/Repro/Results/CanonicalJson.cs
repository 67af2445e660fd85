using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repro.IO;

namespace Repro.Results;

/// <summary>
/// The snapshot files' JSON: the file convention (<see cref="ReproJson"/>) with every object's keys sorted
/// (ordinal) and every non-integer number at a fixed precision (<see cref="Round"/>), so equal results give equal
/// text on any machine and a change reads as a short line diff.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Significant digits kept for numbers below 0.001 in magnitude (learning rates, tiny losses).</summary>
    public const int SmallSignificantDigits = 6;

    /// <summary>Decimals kept for every other non-integer number.</summary>
    public const int Decimals = 6;

    /// <summary>The canonical text of <paramref name="value"/> serialized with <see cref="ReproJson"/>.</summary>
    public static string Serialize<T>(T value) => Format(JsonNode.Parse(ReproJson.Serialize(value)));

    /// <summary>The canonical text of a JSON tree (keys sorted, numbers rounded, indented, one final newline).</summary>
    public static string Format(JsonNode? node) =>
        (Canonical(node)?.ToJsonString(ReproJson.Options) ?? "null").Replace("\r\n", "\n") + "\n";

    /// <summary>A number at the fixed precision: integers unchanged, |x| ≥ 0.001 to six decimals, smaller ones to six significant digits.</summary>
    public static double Round(double x)
    {
        if (!double.IsFinite(x) || x == Math.Floor(x)) return x;
        return Math.Abs(x) >= 1e-3
            ? Math.Round(x, Decimals, MidpointRounding.ToEven)
            : double.Parse(x.ToString("G" + SmallSignificantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Canonical(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        JsonValue v => v.DeepClone(),
        _ => throw new InvalidOperationException("unexpected JSON node"),
    };

    private static JsonNode Number(JsonValue v)
    {
        var element = JsonSerializer.SerializeToElement(v);
        if (element.TryGetInt64(out long whole)) return JsonValue.Create(whole);
        double rounded = Round(element.GetDouble());
        return rounded == Math.Floor(rounded) && Math.Abs(rounded) < 1e15 ? JsonValue.Create((long)rounded) : JsonValue.Create(rounded);
    }
}
