using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Reproduction.Tests.Runs;

/// <summary>Runs presets the way the tests need them: pinned runtime, a cache of their own, no files written.</summary>
internal static class ReproductionRuns
{
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "repro-tests", "cache");

    public static RunResult Synthetic(Preset preset, long seed = 42) => Trainer.Run(preset, new RunOptions
    {
        SyntheticScale = SyntheticScale,
        CacheDirectory = Cache,
        Seed = seed,
        Runtime = TestRuntime.Options,
    });

    /// <summary>The synthetic set of the fast runs: 5% of MTH416's counts (the catalogue's <c>synthetic-q1-fast</c>).</summary>
    public const double SyntheticScale = Repro.Experiments.ExperimentCatalogue.FastSyntheticScale;

    /// <summary>The fast synthetic preset: the study's Q1 protocol at 32 px for 3 epochs.</summary>
    public static Preset FastQ1 => Repro.Experiments.ExperimentCatalogue.FastQ1;
}
