using System.Globalization;
using System.Text.Json;

namespace Repro.Reporting;

/// <summary>
/// Reads BenchmarkDotNet's JSON exports (<c>*-report-full.json</c>, or <c>*-report.json</c> /
/// <c>*-report-brief.json</c> when no full export of the same name exists): <c>Benchmarks[]</c> with
/// <c>FullName</c>, <c>Type</c>, <c>Method</c>, <c>Parameters</c>, <c>Statistics.Mean</c> (ns) and, when present,
/// <c>Metrics[]</c> and <c>Memory</c>. Tolerant: property names match case-insensitively, missing parts are
/// left empty, and an unreadable file is a note, not an error.
/// </summary>
public static class BenchmarkReader
{
    /// <summary>Every benchmark case under <paramref name="directory"/> (recursively); an absent folder gives none.</summary>
    public static List<BenchmarkResult> Read(string? directory, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var rows = new List<BenchmarkResult>();
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory)) return rows;
        var all = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var full = all.Where(f => f.EndsWith("-report-full.json", StringComparison.OrdinalIgnoreCase)).ToList();
        var stems = full.Select(f => f[..^"-report-full.json".Length]).ToHashSet(StringComparer.Ordinal);
        var others = all.Where(f => (f.EndsWith("-report.json", StringComparison.OrdinalIgnoreCase) && !stems.Contains(f[..^"-report.json".Length]))
                                 || (f.EndsWith("-report-brief.json", StringComparison.OrdinalIgnoreCase) && !stems.Contains(f[..^"-report-brief.json".Length])));
        foreach (string file in full.Concat(others).Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = File.OpenRead(file);
                using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (Get(doc.RootElement, "Benchmarks") is not { ValueKind: JsonValueKind.Array } benchmarks)
                {
                    notes.Add($"benchmark export {Path.GetFileName(file)}: no Benchmarks array");
                    continue;
                }
                foreach (var b in benchmarks.EnumerateArray())
                    if (Row(Path.GetFileName(file), b) is { } row) rows.Add(row);
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                notes.Add($"benchmark export {Path.GetFileName(file)} skipped: {e.Message}");
            }
        }
        return rows;
    }

    private static BenchmarkResult? Row(string file, JsonElement b)
    {
        if (b.ValueKind != JsonValueKind.Object) return null;
        var stats = Get(b, "Statistics");
        double? mean = stats is { } s ? Number(Get(s, "Mean")) : null;
        if (mean is null) return null;   // a case that failed to run has no statistics
        double? sd = stats is { } s2 ? Number(Get(s2, "StandardDeviation")) : null;
        string type = Text(Get(b, "Type"));
        string method = Text(Get(b, "Method"));
        string parameters = Text(Get(b, "Parameters"));
        string fullName = Text(Get(b, "FullName"));
        if (fullName.Length == 0) fullName = string.Join(".", new[] { Text(Get(b, "Namespace")), type, method }.Where(x => x.Length > 0));

        double? images = null;
        if (Get(b, "Metrics") is { ValueKind: JsonValueKind.Array } metrics)
            foreach (var m in metrics.EnumerateArray())
            {
                var d = Get(m, "Descriptor");
                string name = d is { } dd ? Text(Get(dd, "DisplayName")) + " " + Text(Get(dd, "Id")) + " " + Text(Get(dd, "Legend")) : "";
                if (IsImagesPerSecond(name) && Number(Get(m, "Value")) is double v) { images = v; break; }
            }
        if (images is null && FindNumber(b, "OperationsPerInvoke") is double ops && ops >= 1 && mean > 0)
            images = 1e9 / mean.Value;
        if (images is null && mean > 0)
        {
            // BenchmarkDotNet's JSON does not carry custom columns: follow the suite's convention (the Images/s
            // column). Operations per iteration > 1 means OperationsPerInvoke counts images (mean is per image);
            // otherwise an operation is one batch of the case's Batch parameter.
            if (OperationsPerIteration(b) is > 1) images = 1e9 / mean.Value;
            else if (ParameterValue(parameters, "Batch") is double batch && batch >= 1) images = batch * 1e9 / mean.Value;
        }
        double? allocated = Get(b, "Memory") is { } mem ? Number(Get(mem, "BytesAllocatedPerOperation")) : null;
        return new BenchmarkResult(file, type, method, parameters, fullName, mean.Value, sd, images, allocated);
    }

    /// <summary>Operations per iteration of the case's workload result measurements (null when not exported).</summary>
    private static long? OperationsPerIteration(JsonElement b)
    {
        if (Get(b, "Measurements") is not { ValueKind: JsonValueKind.Array } ms) return null;
        foreach (var m in ms.EnumerateArray())
            if (Text(Get(m, "IterationMode")) == "Workload" && Text(Get(m, "IterationStage")) == "Result" && Number(Get(m, "Operations")) is double ops)
                return (long)ops;
        return null;
    }

    /// <summary>The numeric value of <paramref name="name"/> in a <c>A=1&amp;B=x</c> parameter string.</summary>
    private static double? ParameterValue(string parameters, string name)
    {
        foreach (var pair in parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq] == name && double.TryParse(pair[(eq + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v))
                return v;
        }
        return null;
    }

    private static bool IsImagesPerSecond(string name)
    {
        string n = name.ToLowerInvariant();
        return n.Contains("images/s", StringComparison.Ordinal) || n.Contains("img/s", StringComparison.Ordinal)
            || n.Contains("imagespersecond", StringComparison.Ordinal) || n.Contains("images per second", StringComparison.Ordinal);
    }

    private static JsonElement? Get(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        if (e.TryGetProperty(name, out var v)) return v;
        foreach (var p in e.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    /// <summary>A number property anywhere below <paramref name="e"/> (BenchmarkDotNet versions put job settings in different places).</summary>
    private static double? FindNumber(JsonElement e, string name)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && Number(p.Value) is double v) return v;
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && p.Name != "Measurements" && FindNumber(p.Value, name) is double w) return w;
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
                if (FindNumber(x, name) is double v) return v;
        }
        return null;
    }

    private static double? Number(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) => v,
        _ => null,
    };

    private static string Text(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => "",
    };
}
