using System.CommandLine;
using System.Globalization;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary>The options that change the experiment: --epochs, --image-size, --backbone, --weights and --set.</summary>
internal sealed class PresetArgs
{
    /// <summary>The required <c>--preset NAME</c> option of the verbs that run one preset (train, cv).</summary>
    internal static Option<string> PresetName() => new("--preset")
    {
        Description = "one of: " + string.Join(", ", PresetRegistry.All.Keys),
        HelpName = "NAME",
        Required = true,
    };

    private readonly Option<int?> _epochs = new Option<int?>("--epochs")
    {
        Description = "override the preset's epochs",
        HelpName = "N",
    }.Within(1);

    private readonly Option<int?> _imageSize = new Option<int?>("--image-size")
    {
        Description = "override the preset's image size",
        HelpName = "N",
    }.Within(PresetRules.MinImageSize, PresetRules.MaxImageSize);

    private readonly Option<string?> _backbone = new("--backbone")
    {
        Description = "transfer backbone: resnet18-imagenet (ImageNet weights from the NuGet ONNX) or resnet18",
        HelpName = "NAME",
    };

    private readonly Option<string?> _weights = new("--weights")
    {
        Description = "backbone weights for resnet18: a torchvision .pth (zip format) or .safetensors",
        HelpName = "FILE",
    };

    private readonly Option<string[]> _set = new("--set")
    {
        Description = "override any preset field, e.g. --set defects.clamp_after_normalize=false (repeatable)",
        HelpName = "PATH=VALUE",
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = _ => [],
    };

    public PresetArgs(Command verb)
    {
        _backbone.CompletionSources.Add("resnet18-imagenet", "resnet18");
        _set.Validators.Add(r =>
        {
            if (!OptionChecks.TryValue(r, out string[]? sets)) return;
            foreach (string kv in sets ?? [])
                if (kv.IndexOf('=') <= 0) r.AddError($"--set: '{kv}' is not PATH=VALUE");
        });
        foreach (var option in new Option[] { _epochs, _imageSize, _backbone, _weights, _set })
            verb.Add(option);
    }

    /// <summary>
    /// A study preset as a multi-run verb uses it: its CPU-sized <c>-smoke</c> variant on a CPU unless
    /// <paramref name="full"/> (or the device is CUDA), the preset itself otherwise.
    /// </summary>
    public static Preset ForDevice(string name, bool full, string? device)
    {
        var p = PresetRegistry.Get(name);
        bool cuda = (device ?? "cpu").StartsWith("cuda", StringComparison.Ordinal);
        return !full && !cuda && !name.EndsWith("-smoke", StringComparison.Ordinal)
               && PresetRegistry.All.TryGetValue(name + "-smoke", out var smoke) ? smoke : p;
    }

    /// <summary>The preset with --set, --backbone, --weights, --epochs and --image-size applied, checked before any work.</summary>
    public Preset Apply(Preset preset, ParseResult parse) => Checked(preset, Overrides(parse));

    /// <summary>--set, --backbone, --weights, --epochs and --image-size as <c>path=value</c> overrides, in the order applied.</summary>
    public List<KeyValuePair<string, string>> Overrides(ParseResult parse)
    {
        var sets = (parse.GetValue(_set) ?? []).Select(kv => new KeyValuePair<string, string>(kv[..kv.IndexOf('=')], kv[(kv.IndexOf('=') + 1)..])).ToList();
        if (parse.GetValue(_backbone) is { } backbone) sets.Add(new("model.backbone", backbone));
        if (parse.GetValue(_weights) is { } weights) sets.Add(new("model.weights_path", weights));
        if (parse.GetValue(_epochs) is { } epochs) sets.Add(new("epochs", epochs.ToString(CultureInfo.InvariantCulture)));
        if (parse.GetValue(_imageSize) is { } size) sets.Add(new("image_size", size.ToString(CultureInfo.InvariantCulture)));
        return sets;
    }

    /// <summary>Every override checked against <paramref name="preset"/> (a sweep checks each of its presets before planning).</summary>
    public static void Check(Preset preset, IEnumerable<KeyValuePair<string, string>> overrides) => Checked(preset, overrides);

    /// <summary>
    /// The overrides applied and the one check of a preset's ranges (<see cref="Preset.Validate"/>), before any work.
    /// Every value came from the command line, so a value that does not fit or is out of range is a usage error (exit 2).
    /// </summary>
    private static Preset Checked(Preset preset, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        try
        {
            var p = PresetOverrides.Apply(preset, overrides);
            p.Validate();
            return p;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
