using System.CommandLine;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary><c>repro train</c>: one preset, one seed, a result file.</summary>
internal sealed class TrainCommand : Verb
{
    private readonly Option<string> _preset = PresetArgs.PresetName();

    private readonly Option<long> _seed = new("--seed") { Description = "seed of every generator", HelpName = "N", DefaultValueFactory = _ => 42 };

    private readonly Option<string?> _resume = new("--resume")
    {
        Description = "continue from a checkpoint (…/checkpoints/PRESET-HASH-seedN.last.ckpt)",
        HelpName = "FILE",
    };

    private readonly Option<int?> _stopAfterEpoch = new Option<int?>("--stop-after-epoch")
    {
        Description = "stop after epoch N, leaving its checkpoint to --resume from (a long run in parts)",
        HelpName = "N",
    }.Within(1);

    private readonly PresetArgs _overrides;
    private readonly RunArgs _run;

    public TrainCommand() : base("train", "train one preset with one seed and write its result file")
    {
        _preset.CompletionSources.Add(PresetRegistry.All.Keys.ToArray());
        AddOptions(_preset, _seed, _resume, _stopAfterEpoch);
        _overrides = new PresetArgs(this);
        _run = new RunArgs(this, "the embedded synthetic set");
        Validators.Add(r =>
        {
            if (r.GetValue(_stopAfterEpoch) is not null && r.GetValue(_run.NoCheckpoints))
                r.AddError("--stop-after-epoch needs checkpoints: drop --no-checkpoints");
        });
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var preset = _overrides.Apply(PresetRegistry.Get(parse.GetValue(_preset)!), parse);
        long seed = parse.GetValue(_seed);
        var run = _run.Read(parse, stderr, preset.Name) with
        {
            Seed = seed, ResumeFrom = parse.GetValue(_resume), InterruptAfterEpoch = parse.GetValue(_stopAfterEpoch),
        };
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
