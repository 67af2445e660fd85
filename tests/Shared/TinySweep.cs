using Repro.Sweeps;

namespace Repro.Tests;

/// <summary>The tiny sweep the sweep tests run: the study's Q1 at 32 px for one epoch on 2% of the synthetic set (seconds per run).</summary>
internal static class TinySweep
{
    /// <summary>The decoded-data cache the tests share.</summary>
    public static string Cache { get; } = Path.Combine(Path.GetTempPath(), "repro-tests", "cache");

    /// <summary>The preset overrides of a tiny run.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Overrides { get; } = new KeyValuePair<string, string>[]
    {
        new("image_size", "32"), new("epochs", "1"), new("bootstrap_resamples", "100"),
    };

    /// <summary>q1-cnn-smoke, tiny, over <paramref name="seeds"/>, no checkpoints, the tests' pinned runtime.</summary>
    public static SweepRequest Request(params long[] seeds) => new()
    {
        Presets = new[] { "q1-cnn-smoke" },
        Seeds = seeds,
        Overrides = Overrides,
        SyntheticScale = 0.02,
        WriteCheckpoints = false,
        Threads = TestRuntime.Options.Threads!.Value,
        CpuIsa = TestRuntime.Options.CpuIsa,
    };

    /// <summary>Expands <paramref name="request"/> into a new sweep folder and writes its plan; returns the plan file.</summary>
    public static string NewPlan(SweepRequest request, string tag)
    {
        string dir = RepoPaths.NewTempDir(tag);
        string planPath = SweepPlan.PathIn(dir);
        SweepPlanner.Expand(request, dir).Write(planPath);
        return planPath;
    }
}
