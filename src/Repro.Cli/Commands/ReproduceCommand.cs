using System.Globalization;
using Repro.Data;
using Repro.Evaluation;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro reproduce</c>: the study's Q1 (custom CNN) and Q2 (ResNet18 transfer) protocols, defects and all,
/// printed as the study's Q1-vs-Q2 table next to the report's published numbers. The main job of the README.
/// </summary>
internal sealed class ReproduceCommand : ICommand
{
    /// <summary>The report's published figures: parameters, trainable parameters, test balanced accuracy.</summary>
    private static readonly Dictionary<string, (long Params, long Trainable, double BalancedAccuracy)> Published = new()
    {
        ["q1-cnn"] = (1_636_611, 1_636_611, 0.333),
        ["q2-resnet"] = (11_242_563, 66_051, 0.328),
    };

    public string Name => "reproduce";
    public string Summary => "run the study's Q1 and Q2 protocols and print them beside the report's numbers";
    public string Usage =>
        "usage: repro reproduce [--data DIR] [--seeds N] [--seed S] [--full] [--presets A,B,…] [options]\n" +
        "  --seeds N            seeds S..S+N−1 per preset; prints mean ± sd (default 1)\n" +
        "  --seed S             first seed (default 42)\n" +
        "  --full               the full protocols (224 px, 15 epochs); default on cuda. On a CPU the\n" +
        "                       CPU-sized *-smoke presets run unless --full is given\n" +
        "  --presets LIST       other presets to run instead of q1-cnn,q2-resnet (e.g. q1-cnn-fixed,q2-resnet-fixed)\n" +
        TrainArgs.DataUsage + "\n" + TrainArgs.OverrideUsage + "\n" + RuntimeArgs.Usage;

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        int seeds = args.Int("--seeds") ?? 1;
        long firstSeed = args.Long("--seed") ?? 42;
        bool full = args.Flag("--full");
        string[] names = (args.String("--presets") ?? "q1-cnn,q2-resnet").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var baseRun = TrainArgs.Run(args, stderr, "reproduce");
        var presets = names.Select(n => TrainArgs.Override(TrainArgs.ForDevice(n, full, baseRun.Device), args)).ToList();
        args.EnsureAllUsed();
        if (seeds < 1) throw new UsageException("--seeds must be at least 1");

        var results = new List<RunResult>();
        foreach (var p in presets)
            for (int s = 0; s < seeds; s++)
            {
                long seed = firstSeed + s;
                results.Add(Trainer.Run(p, baseRun with { Seed = seed, Observer = new ConsoleProgress($"{p.Name} seed {seed}", stderr) }));
            }
        StudyTable.Write(stdout, results, Published);
        stdout.WriteLine($"results: {Path.GetFullPath(baseRun.OutputDirectory!)}");
        return 0;
    }
}
