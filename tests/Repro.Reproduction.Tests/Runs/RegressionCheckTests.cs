using Repro.Results;
using Repro.Reproduction.Tests.Snapshots;

namespace Repro.Reproduction.Tests.Runs;

/// <summary>
/// The regression-checking workflow: changing one hyperparameter of a preset makes its reproduction
/// snapshot fail with a readable diff of the per-class metrics and the confusion matrix.
/// </summary>
public class RegressionCheckTests
{
    [Fact]
    public void Changing_a_hyperparameter_fails_the_snapshot_with_a_readable_diff()
    {
        // The verified snapshot of the fast run, copied to a scratch folder so that the failing check
        // leaves no received file in snapshots/.
        const string name = "synthetic-q1-fast";
        string verified = Path.Combine(Snapshot.Directory, name + ".verified.json");
        Assert.True(File.Exists(verified), $"{verified} must exist (accept it first)");
        string scratch = RepoPaths.NewTempDir("regression");
        File.Copy(verified, Path.Combine(scratch, name + ".verified.json"));

        var changed = ReproductionRuns.Synthetic(ReproductionRuns.FastQ1 with { LearningRate = 1e-3 });
        if (Snapshot.AcceptRequested) return; // accepting would overwrite the scratch copy instead of failing
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyNamed(RunSnapshot.Json(changed), name, scratch, "json", openDiffTool: false));
        Assert.Contains("--- " + Path.Combine(scratch, name + ".verified.json"), e.Message);
        Assert.Contains("\n-  \"settings_hash\": ", e.Message);
        Assert.Contains("\n+  \"settings_hash\": ", e.Message);
        Assert.Contains("\"learning_rate\": 0.001", e.Message); // the changed setting, in the settings block
        Assert.Contains("@@ ", e.Message);
        Assert.Contains("REPRO_ACCEPT=1", e.Message);
        Assert.True(File.Exists(Path.Combine(scratch, name + ".received.json")));
    }
}
