using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary><c>repro train</c>: one preset, one seed, a result file.</summary>
internal sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "train one preset with one seed and write its result file";
    public string Usage =>
        "usage: repro train --preset NAME [--seed N] [--resume CHECKPOINT] [options]\n" +
        "  --preset NAME        one of: " + string.Join(", ", PresetRegistry.All.Keys) + "\n" +
        "  --seed N             seed of every generator (default 42)\n" +
        "  --resume FILE        continue from a checkpoint (…/checkpoints/PRESET-seedN.last.ckpt)\n" +
        TrainArgs.DataUsage + "\n" + TrainArgs.OverrideUsage + "\n" + RuntimeArgs.Usage;

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string name = args.String("--preset") ?? throw new UsageException("--preset is required");
        var preset = TrainArgs.Override(PresetRegistry.Get(name), args);
        long seed = args.Long("--seed") ?? 42;
        var run = TrainArgs.Run(args, stderr, preset.Name) with { Seed = seed, ResumeFrom = args.String("--resume") };
        args.EnsureAllUsed();
        var result = Trainer.Run(preset, run);
        ResultSummary.Write(stdout, result);
        stdout.WriteLine($"result: {Path.Combine(run.OutputDirectory!, ResultFile.FileName(preset.Name, seed))}");
        return 0;
    }
}
