using Repro.Data.Sampling;
using Repro.IO;
using Repro.Training.Losses;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Tests.Training;

/// <summary>
/// <see cref="Preset.Validate"/>: every field's range, each error naming the setting as a user writes it, and a run
/// that refuses a bad preset before it loads anything.
/// </summary>
public class PresetValidationTests
{
    private static Preset With(string path, string value) =>
        PresetOverrides.Apply(PresetRegistry.Get("q1-cnn-smoke"), new Dictionary<string, string> { [path] = value });

    [Theory]
    // The rows of issue #17: today a DivideByZero, zero batches, or a silent nonsense run.
    [InlineData("batch_size", "0", "batch_size (--set batch_size=0) must be ≥ 1")]
    [InlineData("batch_size", "-4", "batch_size (--set batch_size=-4) must be ≥ 1")]
    [InlineData("eval_batch_size", "0", "eval_batch_size (--set eval_batch_size=0) must be ≥ 1")]
    [InlineData("learning_rate", "-1", "learning_rate (--set learning_rate=-1) must be a finite number > 0")]
    [InlineData("train_fraction", "0", "train_fraction (--set train_fraction=0) must be > 0 and ≤ 1")]
    [InlineData("loss.gamma", "-5", "loss.gamma (--set loss.gamma=-5) must be a finite number ≥ 0")]
    // Every other field's range.
    [InlineData("learning_rate", "NaN", "learning_rate (--set learning_rate=NaN) must be a finite number > 0")]
    [InlineData("train_fraction", "1.5", "train_fraction (--set train_fraction=1.5) must be > 0 and ≤ 1")]
    [InlineData("image_size", "16", "image_size (--set image_size=16) must be between 32 and 4096")]
    [InlineData("epochs", "0", "epochs (--set epochs=0) must be ≥ 1")]
    [InlineData("backbone_learning_rate", "-1e-5", "backbone_learning_rate (--set backbone_learning_rate=-1E-05) must be a finite number ≥ 0")]
    [InlineData("weight_decay", "-0.1", "weight_decay (--set weight_decay=-0.1) must be a finite number ≥ 0")]
    [InlineData("mixup", "-1", "mixup (--set mixup=-1) must be a finite number ≥ 0")]
    [InlineData("plateau_patience", "-1", "plateau_patience (--set plateau_patience=-1) must be ≥ 0")]
    [InlineData("plateau_factor", "1", "plateau_factor (--set plateau_factor=1) must be > 0 and < 1")]
    [InlineData("min_learning_rate", "-1", "min_learning_rate (--set min_learning_rate=-1) must be a finite number ≥ 0")]
    [InlineData("early_stopping_patience", "-2", "early_stopping_patience (--set early_stopping_patience=-2) must be ≥ 0")]
    [InlineData("grad_clip_norm", "-1", "grad_clip_norm (--set grad_clip_norm=-1) must be a finite number ≥ 0")]
    [InlineData("unfreeze_layer4_after_epoch", "2", "unfreeze_layer4_after_epoch (--set unfreeze_layer4_after_epoch=2) applies to transfer models only")]
    [InlineData("target_specificity", "1", "target_specificity (--set target_specificity=1) must be > 0 and < 1")]
    [InlineData("bootstrap_resamples", "-1", "bootstrap_resamples (--set bootstrap_resamples=-1) must be ≥ 0")]
    [InlineData("device", "gpu", "device (--set device=gpu) must be cpu, cuda, cuda:N or auto")]
    [InlineData("model.backbone", "resnet50", "")] // a CNN has no backbone: nothing to refuse
    [InlineData("model.weights_path", "w.pth", "model.weights_path (--set model.weights_path=w.pth) applies to transfer models only")]
    [InlineData("loss.label_smoothing", "1", "loss.label_smoothing (--set loss.label_smoothing=1) must be ≥ 0 and < 1")]
    [InlineData("loss.weights", "[1,2]", "loss.weights (--set loss.weights=[1,2]) must be 3 finite numbers ≥ 0, not all 0")]
    [InlineData("loss.weights", "[0,0,0]", "loss.weights (--set loss.weights=[0,0,0]) must be 3 finite numbers ≥ 0, not all 0")]
    [InlineData("speed.loss_read_interval", "-1", "speed.loss_read_interval (--set speed.loss_read_interval=-1) must be ≥ 0")]
    public void Each_out_of_range_setting_is_named_as_the_user_writes_it(string path, string value, string expected)
    {
        var preset = With(path, value);
        if (expected.Length == 0)
        {
            preset.Validate();
            return;
        }
        var e = Assert.Throws<PresetValidationException>(preset.Validate);
        Assert.Equal(expected, Assert.Single(e.Errors)[..expected.Length]);
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Every_registered_preset_is_valid_and_every_error_is_listed_at_once()
    {
        foreach (var p in PresetRegistry.All.Values) p.Validate();
        var bad = PresetRegistry.Get("q1-cnn") with { BatchSize = 0, EvalBatchSize = 0, LearningRate = -1, Sampler = (SamplerKind)7 };
        var e = Assert.Throws<PresetValidationException>(bad.Validate);
        Assert.Equal(new[] { "batch_size", "eval_batch_size", "learning_rate", "sampler" }, e.Errors.Select(x => x[..x.IndexOf(' ')]));
        Assert.Equal("sampler (--set sampler=7) must be one of class-weighted, shuffled, sequential", e.Errors[^1]);
        Assert.All(e.Errors, x => Assert.Contains(x, e.Message));
    }

    [Fact]
    public void Transfer_settings_are_checked_against_the_registry_and_the_file_system()
    {
        var q2 = PresetRegistry.Get("q2-resnet-smoke");
        var backbone = Assert.Throws<PresetValidationException>((q2 with { Model = q2.Model with { Backbone = "resnet50" } }).Validate);
        Assert.StartsWith("model.backbone (--set model.backbone=resnet50) must be one of resnet18", backbone.Message);
        string missing = Path.Combine(RepoPaths.NewTempDir("weights"), "none.pth");
        var weights = Assert.Throws<PresetValidationException>((q2 with { Model = q2.Model with { WeightsPath = missing } }).Validate);
        Assert.Equal($"model.weights_path (--set model.weights_path={missing}) must be an existing weights file", weights.Message);
        (q2 with { UnfreezeLayer4AfterEpoch = 1 }).Validate(); // a transfer model may unfreeze
    }

    [Theory]
    [InlineData("batch_size", "0")]
    [InlineData("loss.gamma", "-5")]
    public void A_run_refuses_a_bad_preset_before_it_loads_anything(string path, string value)
    {
        // The data folder does not exist: a run that got as far as the decode would fail on it instead.
        string cache = RepoPaths.NewTempDir("validate-cache");
        var e = Assert.Throws<PresetValidationException>(() => Trainer.Run(With(path, value), new RunOptions
        {
            DataDirectory = Path.Combine(cache, "no-such-data"), CacheDirectory = cache, Runtime = TestRuntime.Options,
        }));
        Assert.StartsWith($"{path} (--set {path}={value})", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache));
    }

    [Fact]
    public void Kinds_are_enums_written_as_the_strings_they_were()
    {
        // The settings JSON (and so every settings hash) is what it was when these fields were strings.
        string q1 = ReproJson.Serialize(PresetRegistry.Get("q1-cnn"));
        foreach (var pair in new[] { "\"sampler\": \"class-weighted\"", "\"augment\": \"study\"", "\"kind\": \"focal\"", "\"kind\": \"custom-cnn\"" })
            Assert.Contains(pair, q1);
        string improved = ReproJson.Serialize(PresetRegistry.Get("improved"));
        foreach (var pair in new[] { "\"sampler\": \"shuffled\"", "\"augment\": \"none\"", "\"kind\": \"weighted-ce\"", "\"kind\": \"transfer\"" })
            Assert.Contains(pair, improved);
        Assert.Contains("\"precision\": \"bf16\"", ReproJson.Serialize(PresetRegistry.Get("q1-cnn-fast")));
        var p = With("loss.kind", "weighted-ce");
        Assert.Equal(LossKind.WeightedCe, p.Loss.Kind);
        var e = Assert.ThrowsAny<ArgumentException>(() => With("augment", "heavy"));
        Assert.Equal("--set augment=heavy: the value does not fit 'augment' (expected one of study, light, none)", e.Message);
    }

    [Theory]
    // The settings hashes under the one definition of the hashed fields (PresetHash.NotHashed: every field but name,
    // description and device); the kinds becoming enums left them as they were (they serialise to the same strings).
    // q1-cnn-smoke and q2-resnet-fixed-smoke stand in the settings_hash lines of their verified snapshots.
    [InlineData("q1-cnn", "bb8acd0dc42a")]
    [InlineData("q2-resnet", "627d15689182")]
    [InlineData("q1-cnn-fast", "3a762edb5f42")]
    [InlineData("q1-cnn-smoke", "76787badfdb5")]
    [InlineData("q2-resnet-fixed-smoke", "255c8a9340a3")]
    [InlineData("improved", "ca27fd2d63aa")]
    [InlineData("improved-smoke", "d8c7fe6e5b3b")]
    [InlineData("improved-v2", "1a36f65211a2")] // model.features set: its own hash, measured in its one test run (docs/SCIENCE.md)
    public void Settings_hashes_are_unchanged(string name, string hash) =>
        Assert.Equal(hash, PresetHash.Of(PresetRegistry.Get(name)));
}
