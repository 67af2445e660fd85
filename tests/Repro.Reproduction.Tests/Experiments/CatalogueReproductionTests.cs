using Repro.Experiments;
using Repro.Reproduction.Tests.Snapshots;
using Repro.Runtime;

namespace Repro.Reproduction.Tests.Experiments;

/// <summary>
/// One reproduction test per catalogue entry: it runs the entry and verifies every snapshot file it makes (run JSON,
/// test predictions CSV, summary/table/audit JSON) against <c>snapshots/</c>. <c>Category=Experiment</c>; the tier is a
/// trait too, so <c>--filter "Category!=Experiment"</c> is the quick loop and <c>--filter "Tier=cpu"</c> the default set.
/// </summary>
[Trait("Category", "Experiment")]
public class CatalogueReproductionTests
{
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "repro-tests", "cache");

    public static TheoryData<string> Cpu => Names(ExperimentTier.Cpu);
    public static TheoryData<string> Long => Names(ExperimentTier.Long);
    public static TheoryData<string> Gpu => Names(ExperimentTier.Gpu);

    [Theory]
    [MemberData(nameof(Cpu))]
    [Trait("Tier", "cpu")]
    public void Cpu_experiment(string name) => RunAndVerify(ExperimentCatalogue.Get(name), device: null);

    [LongTheory]
    [MemberData(nameof(Long))]
    [Trait("Tier", "long")]
    public void Long_experiment(string name) => RunAndVerify(ExperimentCatalogue.Get(name), device: null);

    [CudaTheory]
    [MemberData(nameof(Gpu))]
    [Trait("Tier", "gpu")]
    public void Gpu_experiment(string name) => RunAndVerify(ExperimentCatalogue.Get(name), device: "cuda");

    /// <summary>The context the tests run entries in: the pinned runtime (2 threads, AVX2), the tests' own cache.</summary>
    internal static ExperimentContext Context(string? device)
    {
        TestRuntime.Init();
        string? deviceClass = device is null ? null : Devices.DeviceClass(Devices.Resolve(device));
        return new ExperimentContext(RepoPaths.Mth416, TestRuntime.Options, Cache, device, deviceClass);
    }

    private static void RunAndVerify(Experiment experiment, string? device)
    {
        var outcome = ExperimentRunner.Run(experiment, Context(device));
        // Every file is checked (and a received file written for each mismatch) before the test fails.
        var failures = new List<string>();
        foreach (var doc in outcome.Documents)
        {
            try { Snapshot.VerifyNamed(doc.Text, doc.Stem, Snapshot.Directory, doc.Extension); }
            catch (SnapshotMismatchException e) { failures.Add(e.Message); }
        }
        if (failures.Count > 0)
            throw new SnapshotMismatchException($"{experiment.Name} ({experiment.Tier}): {failures.Count} of {outcome.Documents.Count} snapshot file(s) differ\n\n" +
                                                string.Join("\n\n", failures));
        // What `repro reproduce` prints beside its table: a single run of this entry is found by CatalogueMatch and equals
        // the verified file just checked.
        if (device is null && experiment.Runs.Count == 1 && CatalogueMatch.EntryFor(experiment.Runs[0].Preset, experiment.Runs[0].Seed) == experiment
            && experiment.Data == ExperimentData.Mth416)
        {
            var match = CatalogueMatch.Check(outcome.Results[0], experiment.Runs[0].Preset, Snapshot.Directory);
            Assert.True(match is { Verified: true, Equal: true }, $"{experiment.Name}: CatalogueMatch does not find the run equal to its verified snapshot");
        }
    }

    private static TheoryData<string> Names(ExperimentTier tier)
    {
        var data = new TheoryData<string>();
        foreach (var e in ExperimentCatalogue.OfTier(tier)) data.Add(e.Name);
        return data;
    }
}
