using System.CommandLine;
using System.Globalization;
using Repro.Data;
using Repro.Evaluation;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary><c>repro cv</c>: patient-grouped stratified k-fold cross-validation of a preset (<see cref="CrossValidation"/>).</summary>
internal sealed class CvCommand : Verb
{
    private readonly Option<string> _preset = PresetArgs.PresetName();

    private readonly Option<int> _folds = new Option<int>("--folds") { Description = "k, the number of folds", HelpName = "K", DefaultValueFactory = _ => 5 }.Within(2, 100);

    private readonly Option<int> _repeats = new Option<int>("--repeats")
    {
        Description = "fold assignments, with fold seeds --fold-seed, +1, …",
        HelpName = "R",
        DefaultValueFactory = _ => 1,
    }.Within(1, 100);

    private readonly Option<int> _foldSeed = new Option<int>("--fold-seed")
    {
        Description = "seed of the (first) fold assignment (default 42: the recorded assignment)",
        HelpName = "N",
        DefaultValueFactory = _ => (int)PatientFolds.DefaultSeed,
    }.Within(0);

    private readonly Option<long> _seed = new("--seed") { Description = "seed of every run's generators and of the pooled bootstrap", HelpName = "N", DefaultValueFactory = _ => 42 };

    private readonly Option<int> _bootstrap = new Option<int>("--bootstrap")
    {
        Description = "bootstrap resamples (patients) of the pooled out-of-fold predictions",
        HelpName = "N",
        DefaultValueFactory = _ => MetricOptions.DefaultBootstrapResamples,
    }.Within(1);

    private readonly PresetArgs _overrides;
    private readonly RunArgs _run;

    public CvCommand() : base("cv", "patient-grouped stratified k-fold cross-validation: out-of-fold predictions pooled, with patient-bootstrap intervals")
    {
        _preset.CompletionSources.Add(PresetRegistry.All.Keys.ToArray());
        AddOptions(_preset, _folds, _repeats, _foldSeed, _seed, _bootstrap);
        _overrides = new PresetArgs(this);
        _run = new RunArgs(this, "the embedded synthetic set");
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var preset = _overrides.Apply(PresetRegistry.Get(parse.GetValue(_preset)!), parse);
        var run = _run.Read(parse, stderr, preset.Name) with { Seed = parse.GetValue(_seed) };
        int folds = parse.GetValue(_folds);
        var cv = CrossValidation.Run(preset, run, folds, parse.GetValue(_repeats), (ulong)parse.GetValue(_foldSeed), parse.GetValue(_bootstrap));
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine();
        stdout.WriteLine($"{cv.Preset}  {folds}-fold patient-grouped CV on {cv.DataSource}  seed {cv.Seed}");
        foreach (var r in cv.Repeats)
        {
            stdout.WriteLine($"fold seed {r.FoldSeed}:");
            stdout.WriteLine($"  {"fold",4} {"train",6} {"val",5} {"test",5} {"best",5} {"val BA",7} {"test BA",8} {"lesion AUC",10}");
            foreach (var f in r.Folds)
                stdout.WriteLine(string.Create(inv, $"  {f.Index + 1,4} {f.Train,6} {f.Val,5} {f.Test,5} {f.BestEpoch,5} {f.ValBalancedAccuracy,7:F3} {f.TestBalancedAccuracy,8:F3} {F(f.TestLesionRocAuc),10}"));
            var p = r.Pooled;
            stdout.WriteLine(string.Create(inv, $"  pooled out-of-fold ({p.N} images, bootstrap over {p.Bootstrap?.Units} patients): balanced accuracy {p.BalancedAccuracy:F3}{CliFormat.AfterValue(p.Intervals, MetricNames.BalancedAccuracy)}, " +
                $"recall N/B/C {p.Classes[0].Recall:F3}/{p.Classes[1].Recall:F3}/{p.Classes[2].Recall:F3}"));
            if (p.Lesion is { } l)
                stdout.WriteLine(string.Create(inv, $"  lesions ({l.N}: {l.Benign} benign, {l.Cancer} cancer, {l.Patients} patients): ROC AUC {l.RocAuc:F3}{CliFormat.AfterValue(l.Intervals, LesionMetrics.RocAuc)}, " +
                    $"balanced accuracy {l.BalancedAccuracy:F3}{CliFormat.AfterValue(l.Intervals, LesionMetrics.BalancedAccuracy)}"));
        }
        if (cv.AcrossRepeats is { } across && across.Metrics.TryGetValue(MetricNames.LesionRocAuc, out var auc))
            stdout.WriteLine(string.Create(inv, $"over {across.Runs} fold assignments: lesion ROC AUC {auc.Mean:F3} ± {auc.Sd ?? 0:F3}"));
        if (run.OutputDirectory is not null)
            stdout.WriteLine($"result: {Path.Combine(run.OutputDirectory, CrossValidation.FileStem(preset.Name, folds, (ulong)parse.GetValue(_foldSeed), run.Seed) + ".json")}");
        return 0;
    }

    private static string F(double? v) => v is double d ? d.ToString("F3", CultureInfo.InvariantCulture) : "—";

}
