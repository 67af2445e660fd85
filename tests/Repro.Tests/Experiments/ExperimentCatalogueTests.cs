using Repro.Experiments;
using Repro.Training.Presets;

namespace Repro.Tests.Experiments;

public class ExperimentCatalogueTests
{
    [Fact]
    public void Names_and_snapshot_files_are_unique_and_every_tier_is_present()
    {
        var all = ExperimentCatalogue.All;
        Assert.Equal(all.Count, all.Select(e => e.Name).Distinct().Count());
        var files = all.SelectMany(e => e.SnapshotFiles()).Select(f => $"{f.Stem}.{f.Extension}").ToList();
        Assert.Equal(files.Count, files.Distinct().Count());
        foreach (ExperimentTier tier in Enum.GetValues<ExperimentTier>()) Assert.NotEmpty(ExperimentCatalogue.OfTier(tier));
        var e = Assert.Throws<ArgumentException>(() => ExperimentCatalogue.Get("nope"));
        Assert.Contains("study-q1-smoke", e.Message);
    }

    [Fact]
    public void The_study_protocols_run_at_smoke_size_and_at_full_size_as_long_and_gpu_twins()
    {
        foreach (string q in new[] { "q1", "q2", "q1-fixed", "q2-fixed" })
        {
            Assert.EndsWith("-smoke", ExperimentCatalogue.Get($"study-{q}-smoke").Runs[0].Preset.Name);
            var full = ExperimentCatalogue.Get($"study-{q}-full");
            var gpu = ExperimentCatalogue.Get($"study-{q}-full-gpu");
            Assert.Equal((ExperimentTier.Long, ExperimentTier.Gpu), (full.Tier, gpu.Tier));
            Assert.Equal(PresetHash.Of(full.Runs[0].Preset), PresetHash.Of(gpu.Runs[0].Preset));
            Assert.Equal(224, full.Runs[0].Preset.ImageSize);
        }
    }

    [Fact]
    public void Entries_have_the_runs_and_files_their_kind_needs()
    {
        var improved = ExperimentCatalogue.Get("improved");
        Assert.Equal(ExperimentCatalogue.Seeds, improved.Runs.Select(r => r.Seed));
        Assert.Contains(improved.SnapshotFiles(), f => f == ("improved.summary", "json"));
        Assert.Contains(improved.SnapshotFiles(), f => f == ("improved.seed44.test-predictions", "csv"));
        var ablation = ExperimentCatalogue.Get("ablation-q2-smoke");
        Assert.Equal(ExperimentCatalogue.AblationVariants.Select(v => v.Name), ablation.Runs.Select(r => r.Part));
        Assert.Equal(StudyDefects.None, ablation.Runs[^1].Preset.Defects);
        Assert.Contains(ablation.SnapshotFiles(), f => f == ("ablation-q2-smoke.table", "json"));
        var audit = ExperimentCatalogue.Get("audit-mth416");
        Assert.Equal(new[] { ("audit-mth416", "json") }, audit.SnapshotFiles());
        Assert.Equal(new[] { ("study-q1-full-gpu.cuda-sm90", "json"), ("study-q1-full-gpu.test-predictions.cuda-sm90", "csv") },
            ExperimentCatalogue.Get("study-q1-full-gpu").SnapshotFiles("cuda-sm90"));
        Assert.Equal("resnet18", ExperimentCatalogue.Get("improved-random-backbone").Runs[0].Preset.Model.Backbone);
    }

    [Fact]
    public void The_lesion_headline_entries_run_improved_on_both_data_and_under_cross_validation()
    {
        var improved = ExperimentCatalogue.Get(ExperimentCatalogue.Improved);
        var harmonised = ExperimentCatalogue.Get(ExperimentCatalogue.ImprovedHarmonized);
        Assert.Equal(ExperimentData.Mth416Harmonized, harmonised.Data);
        Assert.Equal(75, harmonised.Data.HarmonizeJpegQuality);
        Assert.False(improved.Data.Harmonized);
        Assert.Equal(ExperimentCatalogue.Seeds, harmonised.Runs.Select(r => r.Seed));
        Assert.Equal(PresetHash.Of(improved.Runs[0].Preset), PresetHash.Of(harmonised.Runs[0].Preset));
        Assert.Contains(harmonised.SnapshotFiles(), f => f == ("improved-harmonized.summary", "json"));

        foreach (var (name, data) in new[] { (ExperimentCatalogue.CvImproved, ExperimentData.Mth416), (ExperimentCatalogue.CvImprovedHarmonized, ExperimentData.Mth416Harmonized) })
        {
            var cv = ExperimentCatalogue.Get(name);
            var spec = Assert.IsType<ExperimentCrossValidation>(cv.CrossValidation);
            Assert.Empty(cv.Runs);
            Assert.Equal(data, cv.Data);
            // improved itself (384 px), so a fold's frozen features are rows of improved's cached features
            Assert.Equal(PresetHash.Of(improved.Runs[0].Preset), PresetHash.Of(spec.Preset));
            Assert.Equal((5, 42UL, 42L), (spec.Folds, spec.FoldSeed, spec.Seed));
            Assert.Equal(new[] { (name, "json"), (name + ".oof-predictions", "csv") }, cv.SnapshotFiles());
            Assert.Equal("cv k=5", cv.Kind);
            Assert.Equal(new[] { "improved" }, cv.Presets.Select(p => p.Name));
        }
    }

    [Fact]
    public void Reproduce_finds_the_entry_that_makes_its_run_by_settings_hash_and_seed()
    {
        Assert.Equal("study-q1-smoke", CatalogueMatch.EntryFor(PresetRegistry.Get("q1-cnn-smoke"), 42)?.Name);
        Assert.Equal("study-q2-smoke", CatalogueMatch.EntryFor(PresetRegistry.Get("q2-resnet-smoke"), 42)?.Name);
        // The name is a label: a renamed copy is the same experiment. A changed setting or another seed is not.
        Assert.Equal("study-q1-smoke", CatalogueMatch.EntryFor(PresetRegistry.Get("q1-cnn-smoke") with { Name = "mine" }, 42)?.Name);
        Assert.Null(CatalogueMatch.EntryFor(PresetRegistry.Get("q1-cnn-smoke") with { Epochs = 3 }, 42));
        Assert.Null(CatalogueMatch.EntryFor(PresetRegistry.Get("q1-cnn-smoke"), 43));
        // Full size on a CPU is the long entry, never its gpu twin.
        Assert.Equal("study-q1-full", CatalogueMatch.EntryFor(PresetRegistry.Get("q1-cnn"), 42)?.Name);
    }
}
