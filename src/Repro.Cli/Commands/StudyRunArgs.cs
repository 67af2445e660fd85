using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary>
/// What the multi-run verbs (<c>reproduce</c>, <c>ablate</c>) read from the command line: the presets (their CPU-sized
/// variants on a CPU unless <c>--full</c>), the seeds, and the run options; and how they run one preset over the seeds.
/// </summary>
internal sealed record StudyRunArgs(IReadOnlyList<Preset> Presets, long FirstSeed, int Seeds, RunOptions Run)
{
    public const string Usage =
        "  --seeds N            seeds S..S+N−1 per preset; prints mean ± sd (default 1)\n" +
        "  --seed S             first seed (default 42)\n" +
        "  --full               the full protocols (224 px, 15 epochs); default on cuda. On a CPU the\n" +
        "                       CPU-sized *-smoke presets run unless --full is given\n" +
        "  --presets LIST       comma-separated presets (default q1-cnn,q2-resnet)";

    public static StudyRunArgs Read(CommandArgs args, TextWriter progress, string label)
    {
        int seeds = args.Int("--seeds") ?? 1;
        long firstSeed = args.Long("--seed") ?? 42;
        bool full = args.Flag("--full");
        string[] names = (args.String("--presets") ?? "q1-cnn,q2-resnet").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var run = TrainArgs.Run(args, progress, label);
        var presets = names.Select(n => TrainArgs.Override(TrainArgs.ForDevice(n, full, run.Device), args)).ToList();
        args.EnsureAllUsed();
        if (seeds < 1) throw new UsageException("--seeds must be at least 1");
        return new StudyRunArgs(presets, firstSeed, seeds, run);
    }

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
