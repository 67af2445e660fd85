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
        "usage: repro train --preset NAME [--seed N] [--resume CHECKPOINT] [--stop-after-epoch N] [options]\n" +
        "  --preset NAME        one of: " + string.Join(", ", PresetRegistry.All.Keys) + "\n" +
        "  --seed N             seed of every generator (default 42)\n" +
        "  --resume FILE        continue from a checkpoint (…/checkpoints/PRESET-seedN.last.ckpt)\n" +
        "  --stop-after-epoch N stop after epoch N, leaving its checkpoint to --resume from (a long run in parts)\n" +
        TrainArgs.DataUsage + "\n" + TrainArgs.OverrideUsage + "\n" + RuntimeArgs.Usage;

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string name = args.String("--preset") ?? throw new UsageException("--preset is required");
        var preset = TrainArgs.Override(PresetRegistry.Get(name), args);
        long seed = args.Long("--seed") ?? 42;
        var run = TrainArgs.Run(args, stderr, preset.Name) with
        {
            Seed = seed, ResumeFrom = args.String("--resume"), InterruptAfterEpoch = args.Int("--stop-after-epoch"),
        };
        args.EnsureAllUsed();
        if (run.InterruptAfterEpoch is { } stopAt)
        {
            if (!run.WriteCheckpoints) throw new UsageException("--stop-after-epoch needs checkpoints: drop --no-checkpoints");
            if (stopAt < 1) throw new UsageException($"--stop-after-epoch must be at least 1 (got {stopAt})");
        }
        RunResult result;
        try
        {
            result = Trainer.Run(preset, run);
        }
        catch (RunInterruptedException stop)
        {
            stdout.WriteLine($"stopped after epoch {stop.Epoch} as asked; checkpoint: {stop.Checkpoint}");
            stdout.WriteLine($"continue with: repro train --preset {preset.Name} --seed {seed} --resume {stop.Checkpoint} (and the same options)");
            return 0;
        }
        string written = RunFiles.Write(run.OutputDirectory!, result);
        ResultSummary.Write(stdout, result);
        stdout.WriteLine($"result: {written}");
        return 0;
    }
}
