using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Repro.Tests.Sweeps;

/// <summary>
/// The part of the Kubernetes API schema (batch/v1 Job and the core/v1 types under it, as in the API reference)
/// that the emitted manifest uses: every key must be a field of its type, every value of the field's kind
/// (an integer field a plain integer, a string field a string, enums one of their values), required fields present.
/// </summary>
internal static partial class JobSchema
{
    private abstract record Kind;
    private sealed record Str(params string[] Enum) : Kind;
    private sealed record Int : Kind;
    private sealed record Bool : Kind;
    private sealed record Quantity : Kind;
    private sealed record Obj(string Type) : Kind;
    private sealed record Arr(Kind Item) : Kind;
    private sealed record Map(Kind Value) : Kind;

    private sealed record Field(Kind Kind, bool Required = false);

    private static readonly Dictionary<string, Dictionary<string, Field>> Types = new()
    {
        ["Job"] = new()
        {
            ["apiVersion"] = new(new Str("batch/v1"), true), ["kind"] = new(new Str("Job"), true),
            ["metadata"] = new(new Obj("ObjectMeta"), true), ["spec"] = new(new Obj("JobSpec"), true),
        },
        ["ObjectMeta"] = new()
        {
            ["name"] = new(new Str()), ["namespace"] = new(new Str()), ["labels"] = new(new Map(new Str())), ["annotations"] = new(new Map(new Str())),
        },
        ["JobSpec"] = new()
        {
            ["completionMode"] = new(new Str("NonIndexed", "Indexed")), ["completions"] = new(new Int()), ["parallelism"] = new(new Int()),
            ["backoffLimit"] = new(new Int()), ["backoffLimitPerIndex"] = new(new Int()), ["maxFailedIndexes"] = new(new Int()),
            ["activeDeadlineSeconds"] = new(new Int()), ["ttlSecondsAfterFinished"] = new(new Int()),
            ["template"] = new(new Obj("PodTemplateSpec"), true),
        },
        ["PodTemplateSpec"] = new() { ["metadata"] = new(new Obj("ObjectMeta")), ["spec"] = new(new Obj("PodSpec")) },
        ["PodSpec"] = new()
        {
            ["restartPolicy"] = new(new Str("Always", "OnFailure", "Never")), ["containers"] = new(new Arr(new Obj("Container")), true),
            ["volumes"] = new(new Arr(new Obj("Volume"))),
        },
        ["Container"] = new()
        {
            ["name"] = new(new Str(), true), ["image"] = new(new Str()), ["workingDir"] = new(new Str()),
            ["command"] = new(new Arr(new Str())), ["args"] = new(new Arr(new Str())), ["env"] = new(new Arr(new Obj("EnvVar"))),
            ["resources"] = new(new Obj("ResourceRequirements")), ["volumeMounts"] = new(new Arr(new Obj("VolumeMount"))),
        },
        ["EnvVar"] = new() { ["name"] = new(new Str(), true), ["value"] = new(new Str()) },
        ["ResourceRequirements"] = new() { ["requests"] = new(new Map(new Quantity())), ["limits"] = new(new Map(new Quantity())) },
        ["VolumeMount"] = new()
        {
            ["name"] = new(new Str(), true), ["mountPath"] = new(new Str(), true), ["readOnly"] = new(new Bool()), ["subPath"] = new(new Str()),
        },
        ["Volume"] = new() { ["name"] = new(new Str(), true), ["persistentVolumeClaim"] = new(new Obj("PersistentVolumeClaimVolumeSource")) },
        ["PersistentVolumeClaimVolumeSource"] = new() { ["claimName"] = new(new Str(), true), ["readOnly"] = new(new Bool()) },
    };

    /// <summary>Parses <paramref name="yaml"/> (one document) and returns every violation found, as "path: problem".</summary>
    public static (YamlMappingNode Root, List<string> Errors) Check(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1) throw new InvalidDataException($"expected one YAML document, found {stream.Documents.Count}");
        var errors = new List<string>();
        var root = stream.Documents[0].RootNode as YamlMappingNode ?? throw new InvalidDataException("the manifest is not a mapping");
        CheckObject(root, "Job", "", errors);
        return (root, errors);
    }

    private static void CheckObject(YamlNode node, string type, string path, List<string> errors)
    {
        if (node is not YamlMappingNode map) { errors.Add($"{path}: expected an object ({type})"); return; }
        var fields = Types[type];
        foreach (var (k, v) in map.Children)
        {
            string key = ((YamlScalarNode)k).Value!;
            if (!fields.TryGetValue(key, out var f)) { errors.Add($"{path}.{key}: not a field of {type}"); continue; }
            CheckValue(v, f.Kind, $"{path}.{key}", errors);
        }
        foreach (var (name, f) in fields)
            if (f.Required && !map.Children.ContainsKey(new YamlScalarNode(name))) errors.Add($"{path}.{name}: required field of {type} missing");
    }

    private static void CheckValue(YamlNode node, Kind kind, string path, List<string> errors)
    {
        switch (kind)
        {
            case Obj o: CheckObject(node, o.Type, path, errors); break;
            case Arr a:
                if (node is not YamlSequenceNode seq) { errors.Add($"{path}: expected an array"); break; }
                for (int i = 0; i < seq.Children.Count; i++) CheckValue(seq.Children[i], a.Item, $"{path}[{i}]", errors);
                break;
            case Map m:
                if (node is not YamlMappingNode mm) { errors.Add($"{path}: expected a map"); break; }
                foreach (var (k, item) in mm.Children) CheckValue(item, m.Value, $"{path}.{((YamlScalarNode)k).Value}", errors);
                break;
            default:
                if (node is not YamlScalarNode s) { errors.Add($"{path}: expected a scalar"); break; }
                bool plain = s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
                string v = s.Value ?? "";
                switch (kind)
                {
                    case Int when !plain || !long.TryParse(v, out _): errors.Add($"{path}: '{v}' is not an integer"); break;
                    case Bool when !plain || v is not ("true" or "false"): errors.Add($"{path}: '{v}' is not a boolean"); break;
                    case Str str:
                        if (plain && (long.TryParse(v, out _) || double.TryParse(v, out _) || v is "true" or "false" or "null" or "~" or ""))
                            errors.Add($"{path}: '{v}' reads as a number, boolean or null, not a string");
                        else if (str.Enum.Length > 0 && !str.Enum.Contains(v)) errors.Add($"{path}: '{v}' is not one of {string.Join(", ", str.Enum)}");
                        break;
                    case Quantity when !QuantityPattern().IsMatch(v): errors.Add($"{path}: '{v}' is not a resource quantity"); break;
                }
                break;
        }
    }

    // resource.Quantity's serialised form: a decimal number with an optional binary or decimal SI suffix or exponent.
    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$")]
    private static partial Regex QuantityPattern();
}
