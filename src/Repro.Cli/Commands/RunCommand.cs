using System.CommandLine;
using Repro.Sweeps;

namespace Repro.Cli.Commands;

/// <summary><c>repro run --plan FILE --index I</c>: one entry of a sweep plan (what a Slurm array task or a Kubernetes pod runs).</summary>
internal sealed class RunCommand : Verb
{
    private readonly Option<string> _plan = new("--plan")
    {
        Description = "plan.json written by repro sweep; entry paths are relative to its folder",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<int> _index = new Option<int>("--index")
    {
        Description = "the entry, from 0 (Slurm: $SLURM_ARRAY_TASK_ID, Kubernetes: $JOB_COMPLETION_INDEX)",
        HelpName = "I",
        Required = true,
    }.Within(0);

    private readonly Option<string?> _cache = new("--cache")
    {
        Description = "decoded-tensor cache (default ~/.cache/repro or $REPRO_CACHE)",
        HelpName = "DIR",
    };

    public RunCommand() : base("run", "run entry I of a sweep plan (skipped when its result already exists with the same settings)")
    {
        Add(_plan);
        Add(_index);
        Add(_cache);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        int index = parse.GetValue(_index);
        var outcome = SweepRunner.Run(parse.GetValue(_plan)!, index, new ConsoleProgress($"entry {index}", stderr), parse.GetValue(_cache));
        if (outcome.Skipped)
        {
            stdout.WriteLine($"entry {index}: already done with settings hash {outcome.Entry.SettingsHash}: {outcome.ResultPath} (nothing ran, nothing was written)");
            return 0;
        }
        if (outcome.ResumedFrom is { } checkpoint) stdout.WriteLine($"entry {index}: continued from {checkpoint} (an earlier attempt stopped there)");
        ResultSummary.Write(stdout, outcome.Result);
        stdout.WriteLine($"entry {index}: result: {outcome.ResultPath}");
        return 0;
    }
}
