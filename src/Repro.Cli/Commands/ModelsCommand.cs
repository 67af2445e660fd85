using System.CommandLine;
using System.Globalization;
using Repro.Models;
using Repro.Runtime;
using TorchSharp;

namespace Repro.Cli.Commands;

/// <summary><c>repro models</c>: every model with its total, trainable and frozen parameter counts.</summary>
internal sealed class ModelsCommand : Verb
{
    private readonly RuntimeArgs _runtime;

    public ModelsCommand() : base("models", "list the models (CNNs, transfer backbones) with total / trainable / frozen parameters")
    {
        _runtime = new RuntimeArgs(this);
    }

    /// <summary>The rows of the table, in order.</summary>
    internal static IReadOnlyList<(string Name, ModelSpec Spec, string Note)> Rows { get; } = new[]
    {
        ("custom-cnn", new ModelSpec(ModelSpec.CustomCnn), "the study's Q1 network (5 conv blocks 32→512, head 128)"),
        ("prose-cnn", new ModelSpec(ModelSpec.ProseCnn), "the report prose's network (4 blocks 64→512, head 256); not what was trained"),
        ("resnet18", new ModelSpec(ModelSpec.Transfer, "resnet18"), "torchvision ResNet18 [2,2,2,2], frozen + head; --weights FILE, else random"),
        ("resnet18-imagenet", new ModelSpec(ModelSpec.Transfer, "resnet18-imagenet"), "ResNet18 [2,2,2,3] with ImageNet weights (ML.NET ONNX), frozen + head"),
    };

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var options = _runtime.Read(parse);
        TorchRuntime.EnsureInitialized(options);

        var table = new List<string[]> { new[] { "MODEL", "TOTAL", "TRAINABLE", "FROZEN", "INPUT MEAN / STD (RGB, [0,1])" } };
        var notes = new List<string>();
        foreach (var (name, spec, note) in Rows)
        {
            using var model = ModelFactory.Create(spec, torch.CPU, loadWeights: false);
            var c = model.Counts();
            var n = model.Normalization;
            table.Add(new[]
            {
                spec.Kind == ModelSpec.Transfer ? model.Architecture : name,
                Format(c.Total), Format(c.Trainable), Format(c.Frozen),
                $"{string.Join(",", n.Mean.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)))} / {string.Join(",", n.Std.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)))}",
            });
            notes.Add($"  {(spec.Kind == ModelSpec.Transfer ? model.Architecture : name),-24} {note}");
        }
        int[] widths = Enumerable.Range(0, table[0].Length).Select(i => table.Max(r => r[i].Length)).ToArray();
        foreach (var row in table)
        {
            var cells = row.Select((cell, i) => i is >= 1 and <= 3 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            stdout.WriteLine(string.Join("  ", cells).TrimEnd());
        }
        stdout.WriteLine();
        foreach (var line in notes) stdout.WriteLine(line);
        return 0;
    }

    internal static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
