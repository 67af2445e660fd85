using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// Loads a PyTorch state_dict with torchvision names into a <see cref="ResNetBackbone"/>, checking
/// every name and shape first so that a checkpoint of another architecture is refused with the
/// mismatching names rather than half-loaded.
/// </summary>
/// <remarks>
/// Formats: <c>torch.save(state_dict)</c> files (the zip format PyTorch writes since 1.6, read with
/// TorchSharp.PyBridge) and <c>.safetensors</c>. A <c>module.</c> or <c>backbone.</c> prefix on every
/// key is removed; torchvision's classifier (<c>fc.*</c>) is ignored; a missing
/// <c>num_batches_tracked</c> (older torchvision files) is allowed.
/// </remarks>
public static class ResNetCheckpoint
{
    /// <summary>
    /// Copies the tensors of <paramref name="path"/> into <paramref name="backbone"/>; returns notes
    /// about what was ignored. Throws <see cref="InvalidDataException"/> (naming the file and the
    /// mismatching keys) when the checkpoint does not fit.
    /// </summary>
    public static IReadOnlyList<string> Load(ResNetBackbone backbone, string path, string backboneName)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"weights file '{path}' does not exist", path);
        var loaded = Read(path);
        try
        {
            return Apply(backbone, loaded, path, backboneName);
        }
        finally
        {
            foreach (var t in loaded.Values) t.Dispose();
        }
    }

    /// <summary>Reads a state_dict (PyTorch zip format or safetensors) as name → tensor.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        try
        {
            if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
                return Safetensors.LoadStateDict(path, null);
            var table = PyTorchUnpickler.UnpickleStateDict(path);
            return ToTensors(table, path);
        }
        catch (Exception e) when (e is not InvalidDataException and not FileNotFoundException)
        {
            throw new InvalidDataException(
                $"'{path}' could not be read as a PyTorch state_dict (torch.save(model.state_dict(), f) in the zip format of " +
                $"PyTorch ≥ 1.6, or .safetensors): {e.Message}", e);
        }
    }

    private static Dictionary<string, Tensor> ToTensors(Hashtable table, string path)
    {
        // A training checkpoint may wrap the weights: {"state_dict": {...}} or {"model": {...}}.
        foreach (var wrapper in new[] { "state_dict", "model" })
            if (table.Count <= 8 && table[wrapper] is Hashtable inner)
            {
                foreach (DictionaryEntry e in table) if (e.Value is Tensor other) other.Dispose(); // e.g. optimizer tensors beside the weights
                return ToTensors(inner, path);
            }
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string key || entry.Value is not Tensor tensor)
                throw new InvalidDataException($"'{path}' is not a state_dict: entry '{entry.Key}' is a {entry.Value?.GetType().Name ?? "null"}, not a tensor");
            result[key] = tensor;
        }
        return result;
    }

    private static IReadOnlyList<string> Apply(ResNetBackbone backbone, Dictionary<string, Tensor> loaded, string path, string backboneName)
    {
        var notes = new List<string>();
        var source = StripCommonPrefix(loaded, "module.");
        source = StripCommonPrefix(source, "backbone.");
        var ignored = source.Keys.Where(k => k.StartsWith("fc.", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        foreach (var k in ignored) { source[k].Dispose(); source.Remove(k); }
        if (ignored.Count > 0) notes.Add($"ignored the checkpoint's classifier ({string.Join(", ", ignored)})");

        var target = backbone.state_dict();
        var missing = target.Keys.Where(k => !source.ContainsKey(k) && !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal))
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
        var unexpected = source.Keys.Where(k => !target.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var wrongShape = source.Where(kv => target.TryGetValue(kv.Key, out var t) && !t.shape.SequenceEqual(kv.Value.shape))
            .Select(kv => $"{kv.Key} [{string.Join(",", kv.Value.shape)}] (expected [{string.Join(",", target[kv.Key].shape)}])")
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (missing.Count + unexpected.Count + wrongShape.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add($"missing {missing.Count}: {List(missing)}");
            if (unexpected.Count > 0) parts.Add($"unexpected {unexpected.Count}: {List(unexpected)}");
            if (wrongShape.Count > 0) parts.Add($"wrong shape {wrongShape.Count}: {List(wrongShape)}");
            throw new InvalidDataException(
                $"'{path}' does not fit backbone '{backboneName}' (torchvision ResNet, BasicBlock stages [{string.Join(",", backbone.Stages)}]): " +
                string.Join("; ", parts));
        }
        int skippedCounters = target.Keys.Count(k => !source.ContainsKey(k));
        if (skippedCounters > 0) notes.Add($"{skippedCounters} num_batches_tracked counters were absent (left at 0)");

        using var noGrad = torch.no_grad();
        foreach (var (name, value) in source)
            target[name].copy_(value);
        return notes;
    }

    private static Dictionary<string, Tensor> StripCommonPrefix(Dictionary<string, Tensor> d, string prefix)
    {
        if (d.Count == 0 || !d.Keys.All(k => k.StartsWith(prefix, StringComparison.Ordinal))) return d;
        return d.ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);
    }

    private static string List(IReadOnlyList<string> names, int max = 12) =>
        names.Count <= max ? string.Join(", ", names) : string.Join(", ", names.Take(max)) + $", … (+{names.Count - max} more)";
}
