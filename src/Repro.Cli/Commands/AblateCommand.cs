using System.CommandLine;
using System.Globalization;
using Repro.Evaluation;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro ablate</c>: why the study collapsed. Runs a study preset with all four defects on, with each one
/// switched off alone, and with all off, and prints what each defect costs in balanced accuracy.
/// </summary>
internal sealed class AblateCommand : Verb
{
    private readonly StudyRunArgs _study;

    public AblateCommand() : base("ablate",
        "switch the study's four defects off one at a time and show what each costs. Each preset runs 6 times per " +
        "seed: all defects on, each of the four off alone, all off; result files are named PRESET-ablation-VARIANT-HASH-seedN.json.")
    {
        _study = new StudyRunArgs(this, "the embedded synthetic set");
    }

    /// <summary>The variants: the catalogue's (<see cref="Experiments.ExperimentCatalogue.AblationVariants"/>).</summary>
    internal static IReadOnlyList<(string Name, StudyDefects Defects)> Variants => Experiments.ExperimentCatalogue.AblationVariants;

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var study = _study.Read(parse, stderr, "ablate");
        var rows = new List<(string Preset, string Variant, List<RunResult> Runs)>();
        foreach (var preset in study.Presets)
            foreach (var (variant, defects) in Variants)
                rows.Add((preset.Name, variant, study.RunSeeds(Experiments.ExperimentCatalogue.AblationVariant(preset, variant, defects), stderr)));

        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine();
        stdout.WriteLine($"{"preset",-20} {"variant",-24} {"val BA",7} {"test BA",8} {"Δ test BA",10} {"recall N / B / C",18}");
        foreach (var group in rows.GroupBy(r => r.Preset))
        {
            double faithful = Mean(group.First().Runs, r => r.Test.BalancedAccuracy);
            foreach (var (preset, variant, runs) in group)
            {
                double val = Mean(runs, r => r.Validation.BalancedAccuracy), test = Mean(runs, r => r.Test.BalancedAccuracy);
                var summary = MultiSeedSummary.Summarize(runs.Select(r => r.Test).ToList());
                string recall = string.Join(" / ", Enumerable.Range(0, Data.ClassLabels.Count).Select(c => summary.Metrics[MetricNames.Recall(c)].Mean.ToString("F2", inv)));
                string delta = variant == "study" ? "" : (test - faithful).ToString("+0.000;-0.000;0.000", inv);
                stdout.WriteLine($"{preset,-20} {variant,-24} {val.ToString("F3", inv),7} {test.ToString("F3", inv),8} {delta,10} {recall,18}");
            }
        }
        stdout.WriteLine($"{study.Seeds} seed(s) from {study.FirstSeed}; Δ is against all defects on. Results: {Path.GetFullPath(study.Run.OutputDirectory!)}");
        return 0;
    }

    private static double Mean(List<RunResult> runs, Func<RunResult, double> f) => runs.Average(f);
}
