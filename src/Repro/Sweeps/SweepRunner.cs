using Repro.Results;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Sweeps;

/// <summary>What <see cref="SweepRunner.Run"/> did with an entry.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="ResultPath">Absolute path of its result file.</param>
/// <param name="Skipped">True when the result already existed with the entry's settings hash and seed (nothing ran, nothing was written).</param>
/// <param name="Result">The result (read back when skipped).</param>
/// <param name="ResumedFrom">The checkpoint an earlier, interrupted attempt left and this one continued from; null when it started afresh.</param>
public sealed record SweepRunOutcome(SweepEntry Entry, string ResultPath, bool Skipped, RunResult Result, string? ResumedFrom = null);

/// <summary>
/// Runs one entry of a plan (<c>repro run --plan FILE --index I</c>): what a Slurm array task or a Kubernetes
/// Indexed Job pod does. Idempotent: an entry whose result exists with the same settings hash is skipped, so
/// re-submitting a half-finished array finishes it (an entry killed mid-run continues from its last checkpoint);
/// a result with other settings is never overwritten.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs entry <paramref name="index"/> of the plan at <paramref name="planPath"/>.</summary>
    /// <param name="planPath">The plan file; its folder is the sweep folder all entry paths are relative to.</param>
    /// <param name="index">The entry.</param>
    /// <param name="observer">Progress; null = silent.</param>
    /// <param name="cacheDirectory">Decoded-tensor cache; null = the default ($REPRO_CACHE or ~/.cache/repro).</param>
    /// <exception cref="SweepConflictException">A result with other settings is where this entry's result belongs.</exception>
    public static SweepRunOutcome Run(string planPath, int index, ITrainingObserver? observer = null, string? cacheDirectory = null)
    {
        var plan = SweepPlan.Read(planPath);
        var entry = plan.Entry(index);
        string sweepDir = Path.GetDirectoryName(Path.GetFullPath(planPath))!;
        string resultPath = SweepLayout.Resolve(sweepDir, entry.Result);

        if (File.Exists(resultPath))
        {
            var existing = ResultFile.Read(resultPath);
            if (existing.SettingsHash != entry.SettingsHash || existing.Seed != entry.Seed)
                throw new SweepConflictException(
                    $"entry {index}: {entry.Result} already holds a run with settings hash {existing.SettingsHash} and seed {existing.Seed}, " +
                    $"not this entry's {entry.SettingsHash} and seed {entry.Seed}; nothing was overwritten (move that file away to run the entry)");
            SweepFailure.Clear(sweepDir, index);
            return new SweepRunOutcome(entry, resultPath, true, existing);
        }

        RunResult result;
        string? resumedFrom = null;
        try
        {
            var preset = Resolve(entry);
            var run = Options(plan, entry, sweepDir, observer, cacheDirectory);
            // A task killed mid-run (preempted, out of time) left its last checkpoint: continue from it, same result.
            string last = RunCheckpoints.PathIn(run.OutputDirectory!, preset.Name, entry.Seed, RunCheckpoints.Last);
            if (run.WriteCheckpoints && File.Exists(last)) run = run with { ResumeFrom = resumedFrom = last };
            result = Trainer.Run(preset, run);
            string written = RunFiles.Write(run.OutputDirectory!, result);
            if (Path.GetFullPath(written) != Path.GetFullPath(resultPath))
                throw new InvalidOperationException($"entry {index}: the run wrote {written}, not its plan path {resultPath}");
        }
        catch (Exception e)
        {
            SweepFailure.Write(sweepDir, index, e);
            throw;
        }
        SweepFailure.Clear(sweepDir, index);
        return new SweepRunOutcome(entry, resultPath, false, result, resumedFrom);
    }

    /// <summary>The entry's preset with its overrides; an error when this build's preset differs from the plan's (hash).</summary>
    public static Preset Resolve(SweepEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var overrides = entry.Overrides.Select(o =>
        {
            int eq = o.IndexOf('=');
            if (eq <= 0) throw new InvalidDataException($"entry {entry.Index}: override '{o}' is not path=value");
            return new KeyValuePair<string, string>(o[..eq], o[(eq + 1)..]);
        });
        var preset = PresetOverrides.Apply(PresetRegistry.Get(entry.Preset), overrides);
        string hash = PresetHash.Of(preset);
        if (hash != entry.SettingsHash)
            throw new SweepConflictException(
                $"entry {entry.Index}: preset {entry.Preset} resolves to settings hash {hash} in this build, but the plan was made with {entry.SettingsHash} " +
                "(the preset's definition changed since): make the plan again with `repro sweep` for a new sweep folder");
        return preset;
    }

    /// <summary>The run options of an entry: the plan's shared options, the entry's seed and output folder.</summary>
    public static RunOptions Options(SweepPlan plan, SweepEntry entry, string sweepDirectory, ITrainingObserver? observer = null, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        return new RunOptions
        {
            DataDirectory = plan.Data is null ? null : SweepLayout.Resolve(sweepDirectory, plan.Data),
            SyntheticScale = plan.SyntheticScale,
            CacheDirectory = cacheDirectory,
            Seed = entry.Seed,
            Device = plan.Device,
            OutputDirectory = SweepLayout.Resolve(sweepDirectory, entry.Output),
            WriteCheckpoints = plan.WriteCheckpoints,
            SkipBadFiles = plan.SkipBadFiles,
            Fold = entry.FoldSpec,
            Runtime = new RuntimeOptions(plan.Threads, plan.CpuIsa, plan.Deterministic),
            Observer = observer,
        };
    }
}
