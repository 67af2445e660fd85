using System.CommandLine;
using Repro.IO;
using System.Globalization;
using System.Text;
using Repro.Data;
using Repro.Evaluation;
using Repro.Results;
using Repro.Training;

namespace Repro.Cli.Commands;

/// <summary><c>repro predict</c>: class probabilities for a folder of images from a training checkpoint.</summary>
internal sealed class PredictCommand : Verb
{
    private readonly Option<string> _checkpoint = new("--checkpoint") { Description = "a training checkpoint (…/checkpoints/PRESET-seedN.best.ckpt)", HelpName = "FILE", Required = true };
    private readonly Option<string> _images = new("--images") { Description = "folder of images (searched recursively)", HelpName = "DIR", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "the predictions CSV", HelpName = "FILE.csv", DefaultValueFactory = _ => "predictions.csv" };
    private readonly Option<string> _device = new("--device") { Description = "cpu, cuda, cuda:N or auto", HelpName = "D", DefaultValueFactory = _ => "cpu" };
    private readonly RuntimeArgs _runtime;

    public PredictCommand() : base("predict",
        "predict a folder of images with a checkpoint; write a predictions CSV. Files under class folders " +
        "(normal/benign/cancer|malignant) keep their label, so the CSV can go straight to `repro evaluate`; other files get the label 'unknown'.")
    {
        AddOptions(_checkpoint, _images, _out, _device);
        _runtime = new RuntimeArgs(this);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string checkpoint = parse.GetValue(_checkpoint)!;
        string images = parse.GetValue(_images)!;
        string output = parse.GetValue(_out)!;
        string device = parse.GetValue(_device)!;
        var runtime = _runtime.Read(parse);
        Repro.Runtime.TorchRuntime.EnsureInitialized(runtime);
        using var predictor = Predictor.Load(checkpoint, device);
        var predictions = predictor.PredictFolder(images, out var skipped);
        foreach (var f in skipped) stderr.WriteLine($"repro predict: warning: skipped {f.Path}: {f.Reason}");
        if (predictions.All(p => p.Label >= 0)) PredictionsCsv.Write(output, predictions);
        else AtomicFile.WriteAllText(output, Unlabelled(predictions));
        stdout.WriteLine($"{predictions.Count} images → {output} (model {predictor.Checkpoint.Preset}, epoch {predictor.Checkpoint.Epoch})");
        var counts = new int[ClassLabels.Count];
        foreach (var p in predictions) counts[p.Predicted]++;
        stdout.WriteLine("predicted: " + string.Join(", ", ClassLabels.Names.Select((n, i) => $"{n} {counts[i]}")));
        return 0;
    }

    private static string Unlabelled(IReadOnlyList<Prediction> predictions)
    {
        var sb = new StringBuilder("id,label,p_normal,p_benign,p_cancer,group\n");
        foreach (var p in predictions)
            sb.Append(Csv(p.Id)).Append(',').Append(p.Label >= 0 ? ClassLabels.Names[p.Label] : "unknown").Append(',')
              .Append(string.Join(",", p.Probabilities.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))
              .Append(',').Append(Csv(p.Group ?? "")).Append('\n');
        return sb.ToString();
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
