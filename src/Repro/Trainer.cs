using System.Diagnostics;
using Repro.Results;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;
using Repro.Training.Speed;

namespace Repro;

/// <summary>
/// One preset with one seed, start to finish: <see cref="RunSetup"/> (decode, model, optimizer, sampler, features)
/// → <see cref="FitLoop"/> (epochs of train + validate, plateau LR, early stopping, checkpoints after each epoch)
/// → <see cref="FinalEvaluation"/> (best or last weights on val and test) → a <see cref="RunResult"/>. It sits at
/// the top of the library, above Training and Results, and writes only checkpoints; what to do with the result
/// (<see cref="RunFiles.Write"/>, a snapshot, a table) is the caller's choice.
/// </summary>
public static class Trainer
{
    /// <summary>Runs <paramref name="preset"/> as <paramref name="run"/> says and returns what it produced.</summary>
    public static RunResult Run(Preset preset, RunOptions run)
    {
        var total = Stopwatch.StartNew();
        TorchRuntime.EnsureInitialized(run.Runtime);
        using var tf32 = SpeedSetup.UseTf32(preset.Speed); // for this run only
        using var setup = RunSetup.Build(preset, run);
        using var fit = new FitLoop(setup);
        var checkpoints = new RunCheckpoints(setup, fit);
        int startEpoch = run.ResumeFrom is null ? 1 : checkpoints.Restore(run.ResumeFrom) + 1;
        var outcome = fit.Fit(startEpoch, checkpoints);
        var result = FinalEvaluation.Evaluate(setup, fit, outcome, total);
        checkpoints.RecordDecisionOffsets(result.DecisionOffsets); // `repro predict` decides as the run did
        return result;
    }
}
