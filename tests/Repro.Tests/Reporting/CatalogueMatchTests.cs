using Repro.Experiments;
using Repro.Results;
using Repro.Training.Presets;

namespace Repro.Tests.Reporting;

/// <summary><c>repro reproduce</c>'s catalogue lines: a run against its entry's verified snapshot file.</summary>
[Collection("report")]
public class CatalogueMatchTests
{
    private readonly ReportFixture _f;

    public CatalogueMatchTests(ReportFixture fixture) => _f = fixture;

    [Fact]
    public void A_run_equals_the_verified_file_only_byte_for_byte_and_a_damaged_file_is_no_match()
    {
        // A real run, labelled as study-q1-smoke's (seed 42): CatalogueMatch finds the entry by settings hash and seed.
        var preset = PresetRegistry.Get("q1-cnn-smoke");
        var run = _f.Runs[0] with { Seed = 42 };
        string dir = RepoPaths.NewTempDir("catalogue-match");
        string file = Path.Combine(dir, "study-q1-smoke.verified.json");

        var missing = CatalogueMatch.Check(run, preset, dir)!;
        Assert.Equal(("study-q1-smoke", false, false), (missing.Entry.Name, missing.Verified, missing.Equal));

        File.WriteAllText(file, RunSnapshot.Json(run));
        var equal = CatalogueMatch.Check(run, preset, dir)!;
        Assert.Equal((true, true, run.Test.BalancedAccuracy), (equal.Verified, equal.Equal, equal.VerifiedTestBalancedAccuracy!.Value), new TupleTolerance());

        File.WriteAllText(file, RunSnapshot.Json(run with { Seed = 43 }));
        Assert.False(CatalogueMatch.Check(run, preset, dir)!.Equal);

        File.WriteAllText(file, "{ \"test\": ");
        var damaged = CatalogueMatch.Check(run, preset, dir)!;
        Assert.Equal((true, false, (double?)null), (damaged.Verified, damaged.Equal, damaged.VerifiedTestBalancedAccuracy));

        // Another seed or a run on CUDA has no CPU entry to compare with.
        Assert.Null(CatalogueMatch.Check(run with { Seed = 7 }, preset, dir));
        Assert.Null(CatalogueMatch.Check(run with { Device = "cuda:0" }, preset, dir));
    }

    /// <summary>Equal flags, and the balanced accuracy to the snapshot's 6 decimals.</summary>
    private sealed class TupleTolerance : IEqualityComparer<(bool, bool, double)>
    {
        public bool Equals((bool, bool, double) x, (bool, bool, double) y) => x.Item1 == y.Item1 && x.Item2 == y.Item2 && Math.Abs(x.Item3 - y.Item3) < 1e-6;
        public int GetHashCode((bool, bool, double) obj) => 0;
    }
}
