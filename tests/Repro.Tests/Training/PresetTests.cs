using Repro.Data.Augment;
using Repro.Data.Sampling;
using Repro.Models;
using Repro.Training.Losses;
using Repro.Training.Presets;

namespace Repro.Tests.Training;

public class PresetTests
{
    [Fact]
    public void Study_presets_hold_the_studys_protocol()
    {
        var q1 = PresetRegistry.Get("q1-cnn");
        Assert.Equal((ModelKind.CustomCnn, 3e-4, 1e-4, 32, 15, 224), (q1.Model.Kind, q1.LearningRate, q1.WeightDecay, q1.BatchSize, q1.Epochs, q1.ImageSize));
        Assert.Equal((3, 0.5, 1e-7, 6, 1.0), (q1.PlateauPatience, q1.PlateauFactor, q1.MinLearningRate, q1.EarlyStoppingPatience, q1.GradClipNorm));
        Assert.Equal((LossKind.Focal, 2.0, SamplerKind.ClassWeighted, AugmentKind.Study), (q1.Loss.Kind, q1.Loss.Gamma, q1.Sampler, q1.Augment));
        Assert.Equal(StudyDefects.Study, q1.Defects);
        var q2 = PresetRegistry.Get("q2-resnet");
        Assert.Equal((ModelKind.Transfer, 1e-4), (q2.Model.Kind, q2.LearningRate));
        Assert.Equal(StudyDefects.None, PresetRegistry.Get("q2-resnet-fixed").Defects);
        foreach (var name in new[] { "q1-cnn-smoke", "q2-resnet-smoke", "q1-cnn-fixed-smoke", "q2-resnet-fixed-smoke", "improved" })
            Assert.True(PresetRegistry.All.ContainsKey(name), name);
    }

    [Fact]
    public void Unknown_preset_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => PresetRegistry.Get("q3"));
        Assert.Contains("q1-cnn", e.Message);
    }

    [Fact]
    public void Any_field_can_be_overridden_by_path()
    {
        var p = PresetOverrides.Apply(PresetRegistry.Get("q1-cnn"), new Dictionary<string, string>
        {
            ["epochs"] = "3",
            ["defects.clamp_after_normalize"] = "false",
            ["loss.kind"] = "ce",
            ["loss.weights"] = "[1,2,3]",
            ["model.backbone"] = "resnet18",
            ["unfreeze_layer4_after_epoch"] = "5",
        });
        Assert.Equal(3, p.Epochs);
        Assert.False(p.Defects.ClampAfterNormalize);
        Assert.True(p.Defects.ShallowBestRestore);
        Assert.Equal(LossKind.Ce, p.Loss.Kind);
        Assert.Equal(new[] { 1.0, 2, 3 }, p.Loss.Weights);
        Assert.Equal("resnet18", p.Model.Backbone);
        Assert.Equal(5, p.UnfreezeLayer4AfterEpoch);
        Assert.NotEqual(PresetHash.Of(PresetRegistry.Get("q1-cnn")), PresetHash.Of(p));
    }

    [Fact]
    public void Unknown_override_paths_and_misfit_values_are_errors()
    {
        var q1 = PresetRegistry.Get("q1-cnn");
        var e1 = Assert.Throws<ArgumentException>(() => PresetOverrides.Apply(q1, new Dictionary<string, string> { ["epoch"] = "3" }));
        Assert.Contains("epoch", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => PresetOverrides.Apply(q1, new Dictionary<string, string> { ["epochs"] = "many" }));
        Assert.Contains("does not fit", e2.Message);
    }

    [Fact]
    public void Preset_hash_is_stable_for_equal_settings()
    {
        Assert.Equal(PresetHash.Of(PresetRegistry.Get("q1-cnn")), PresetHash.Of(PresetRegistry.Get("q1-cnn") with { }));
        Assert.Matches("^[0-9a-f]{12}$", PresetHash.Of(PresetRegistry.Get("q1-cnn")));
    }
}
