using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary>Options shared by <c>train</c> and <c>reproduce</c>: data, device, seed, output, preset overrides.</summary>
internal static class TrainArgs
{
    public const string DataUsage =
        "  --data DIR           dataset folder {train,val,test}/{normal,benign,cancer|malignant}/ (default: embedded synthetic set)\n" +
        "  --synthetic-scale F  size of the embedded synthetic set relative to MTH416's counts (default 0.25)\n" +
        "  --device D           cpu, cuda, cuda:N or auto (default: the preset's, cpu)\n" +
        "  --out DIR            where result files, predictions and checkpoints go (default results/)\n" +
        "  --no-checkpoints     write no per-epoch checkpoints (timing runs; --resume and predict need them)\n" +
        "  --cache DIR          decoded-tensor cache (default ~/.cache/repro or $REPRO_CACHE)";

    public const string OverrideUsage =
        "  --epochs N           override the preset's epochs\n" +
        "  --image-size N       override the preset's image size\n" +
        "  --backbone NAME      transfer backbone: resnet18-imagenet (ImageNet weights from the NuGet ONNX) or resnet18\n" +
        "  --weights FILE       backbone weights for resnet18: a torchvision .pth (zip format) or .safetensors\n" +
        "  --set PATH=VALUE     override any preset field, e.g. --set defects.clamp_after_normalize=false (repeatable)";

    /// <summary>Run options from the command line (seed given separately).</summary>
    public static RunOptions Run(CommandArgs args, TextWriter progress, string label) => new()
    {
        DataDirectory = args.String("--data"),
        SyntheticScale = args.Double("--synthetic-scale") ?? 0.25,
        Device = args.String("--device"),
        OutputDirectory = args.String("--out") ?? "results",
        WriteCheckpoints = !args.Flag("--no-checkpoints"),
        CacheDirectory = args.String("--cache"),
        Runtime = RuntimeArgs.Read(args),
        Observer = new ConsoleProgress(label, progress),
    };

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

    /// <summary>The preset with --epochs, --image-size and --set applied.</summary>
    public static Preset Override(Preset preset, CommandArgs args)
    {
        var sets = args.All("--set");
        int? epochs = args.Int("--epochs"), size = args.Int("--image-size");
        string? backbone = args.String("--backbone"), weights = args.String("--weights");
        if (backbone is not null) sets.Add(new("model.backbone", backbone));
        if (weights is not null) sets.Add(new("model.weights_path", weights));
        if (epochs is not null) sets.Add(new("epochs", epochs.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (size is not null) sets.Add(new("image_size", size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var p = PresetOverrides.Apply(preset, sets);
        if (p.Epochs < 1) throw new UsageException($"epochs must be at least 1 (got {p.Epochs})");
        if (p.ImageSize is < 16 or > 1024) throw new UsageException($"image size must be within 16..1024 (got {p.ImageSize})");
        return p;
    }
}
