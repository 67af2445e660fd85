using Repro.Sweeps;

namespace Repro.Cli.Commands;

/// <summary><c>repro run --plan FILE --index I</c>: one entry of a sweep plan (what a Slurm array task or a Kubernetes pod runs).</summary>
internal sealed class RunCommand : ICommand
{
    public string Name => "run";
    public string Summary => "run entry I of a sweep plan (skipped when its result already exists with the same settings)";
    public string Usage =>
        "usage: repro run --plan FILE --index I [--cache DIR]\n" +
        "  --plan FILE          plan.json written by `repro sweep`; entry paths are relative to its folder\n" +
        "  --index I            the entry, from 0 (Slurm: $SLURM_ARRAY_TASK_ID, Kubernetes: $JOB_COMPLETION_INDEX)\n" +
        "  --cache DIR          decoded-tensor cache (default ~/.cache/repro or $REPRO_CACHE)";

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string plan = args.String("--plan") ?? throw new UsageException("--plan FILE is required");
        int index = args.Int("--index") ?? throw new UsageException("--index I is required");
        string? cache = args.String("--cache");
        args.EnsureAllUsed();
        var outcome = SweepRunner.Run(plan, index, new ConsoleProgress($"entry {index}", stderr), cache);
        if (outcome.Skipped)
        {
            stdout.WriteLine($"entry {index}: already done with settings hash {outcome.Entry.SettingsHash}: {outcome.ResultPath} (nothing ran, nothing was written)");
            return 0;
        }
        ResultSummary.Write(stdout, outcome.Result);
        stdout.WriteLine($"entry {index}: result: {outcome.ResultPath}");
        return 0;
    }
}
