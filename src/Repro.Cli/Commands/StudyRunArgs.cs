using System.CommandLine;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary>
/// What the multi-run verbs (<c>reproduce</c>, <c>ablate</c>) read from the command line: the presets (their CPU-sized
/// variants on a CPU unless <c>--full</c>), the seeds, the preset overrides and the run options.
/// </summary>
internal sealed class StudyRunArgs
{
    private readonly Option<int> _seeds = new Option<int>("--seeds")
    {
        Description = "seeds S..S+N−1 per preset; prints mean ± sd",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    }.Within(1);

    private readonly Option<long> _seed = new("--seed")
    {
        Description = "first seed",
        HelpName = "S",
        DefaultValueFactory = _ => 42,
    };

    private readonly Option<bool> _full = new("--full")
    {
        Description = "the full protocols (224 px, 15 epochs); default on cuda. On a CPU the CPU-sized *-smoke presets run unless --full is given",
    };

    private readonly Option<string> _presets = new("--presets")
    {
        Description = "comma-separated presets",
        HelpName = "LIST",
        DefaultValueFactory = _ => "q1-cnn,q2-resnet",
    };

    public RunArgs Run { get; }
    private readonly PresetArgs _overrides;

    public StudyRunArgs(Command verb, string dataDefault)
    {
        foreach (var option in new Option[] { _seeds, _seed, _full, _presets })
            verb.Add(option);
        Run = new RunArgs(verb, dataDefault);
        _overrides = new PresetArgs(verb);
    }

    /// <summary>The presets, seeds and run options; every preset is checked before the first run starts.</summary>
    public StudyRun Read(ParseResult parse, TextWriter progress, string label)
    {
        string[] names = parse.GetValue(_presets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new UsageException("--presets names no preset");
        bool full = parse.GetValue(_full);
        string? device = Run.Device(parse);
        var presets = names.Select(n => _overrides.Apply(PresetArgs.ForDevice(n, full, device), parse)).ToList();
        return new StudyRun(presets, parse.GetValue(_seed), parse.GetValue(_seeds), Run.Read(parse, progress, label));
    }
}

/// <summary>The presets and seeds of a multi-run verb, and how it runs one preset over the seeds.</summary>
internal sealed record StudyRun(IReadOnlyList<Preset> Presets, long FirstSeed, int Seeds, RunOptions Run)
{
    /// <summary>Runs <paramref name="preset"/> once per seed, with a progress label per run.</summary>
    public List<RunResult> RunSeeds(Preset preset, TextWriter progress) =>
        Enumerable.Range(0, Seeds).Select(s => FirstSeed + s)
            .Select(seed =>
            {
                var result = Trainer.Run(preset, Run with { Seed = seed, Observer = new ConsoleProgress($"{preset.Name} seed {seed}", progress) });
                RunFiles.Write(Run.OutputDirectory!, result);
                return result;
            })
            .ToList();
}
