using Repro.IO;
using Repro.Models;
using Repro.Training;
using Repro.Training.Presets;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Tests.Models;

/// <summary>
/// <see cref="FeatureOptions"/> (a preset's <c>model.features</c>): the feature bank's layout, the columns each option
/// selects, flip averaging, the standardising head and the head's shapes, checked against hand-worked values; the
/// preset rules; and the cache of feature banks.
/// </summary>
public class FeatureOptionsTests
{
    private static TransferModel Model(FeatureOptions options) =>
        (TransferModel)ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet18", Features: options), CPU, loadWeights: false);

    [Fact]
    public void Bank_columns_follow_the_layout_by_hand()
    {
        // Bank layout: avg of layer1 (0..63), layer2 (64..191), layer3 (192..447), layer4 (448..959), then the max pools
        // at +960 in the same order; the mirror image's bank follows at +1920.
        Assert.Equal(Enumerable.Range(448, 512), TransferModel.BankColumns(new FeatureOptions()));
        Assert.Equal(Enumerable.Range(960 + 64, 128), TransferModel.BankColumns(new FeatureOptions { Layers = ["layer2"], Pooling = FeaturePooling.Max }));
        // avg-max: per stage, its average then its max; stages in the backbone's order whatever the order given.
        var cols = TransferModel.BankColumns(new FeatureOptions { Layers = ["layer4", "layer1"], Pooling = FeaturePooling.AvgMax });
        Assert.Equal(Enumerable.Range(0, 64).Concat(Enumerable.Range(960, 64)).Concat(Enumerable.Range(448, 512)).Concat(Enumerable.Range(1408, 512)), cols);
        Assert.Throws<ArgumentException>(() => TransferModel.BankColumns(new FeatureOptions { Layers = ["layer9"] }));
    }

    [Fact]
    public void Features_from_a_bank_select_and_average_the_columns_by_hand()
    {
        // A bank whose every entry tells where it is: row r, column c holds 10000·r + c.
        var values = new float[2 * 3840];
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 3840; c++) values[r * 3840 + c] = 10000 * r + c;
        using var bank = tensor(values, new long[] { 2, 3840 });
        using var plain = Model(new FeatureOptions { Layers = ["layer3"], Pooling = FeaturePooling.Max });
        using var selected = plain.FeaturesFromBank(bank);
        Assert.Equal(new long[] { 2, 256 }, selected.shape);
        Assert.Equal(10000f + 960 + 192, selected[1, 0].item<float>()); // layer3's first max column, its own image
        // With flip averaging: the mean of column c and column c + 1920 is c + 960.
        using var flip = Model(new FeatureOptions { Layers = ["layer2"], FlipAverage = true });
        using var averaged = flip.FeaturesFromBank(bank);
        Assert.Equal(new long[] { 2, 128 }, averaged.shape);
        Assert.Equal(64f + 960, averaged[0, 0].item<float>());
        Assert.Equal(10000f + 191 + 960, averaged[1, 127].item<float>());
        // A bank without the mirror image's columns serves options without flip averaging, not with.
        using var half = bank.narrow(1, 0, 1920);
        using var fromHalf = plain.FeaturesFromBank(half);
        Assert.Equal(selected.data<float>().ToArray(), fromHalf.data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => flip.FeaturesFromBank(half));
        using var wrong = zeros(2, 100);
        Assert.Throws<ArgumentException>(() => plain.FeaturesFromBank(wrong));
    }

    [Fact]
    public void Pooled_stages_are_each_stage_pooled_and_layer4_average_is_the_plain_features()
    {
        using var model = Model(new FeatureOptions { Layers = ["layer1", "layer2", "layer3", "layer4"], Pooling = FeaturePooling.AvgMax });
        model.eval();
        using var scope = NewDisposeScope();
        var g = new Generator(7);
        var x = randn(new long[] { 2, 3, 64, 48 }, generator: g);
        using var noGrad = no_grad();
        var bb = model.BackboneModule;
        var pooled = bb.PooledStages(x);
        Assert.Equal(new long[] { 2, 1920 }, pooled.shape);
        // By hand: run the stem and the stages one by one, pool each.
        var named = bb.named_children().ToDictionary(kv => kv.name, kv => kv.module);
        var h = ((nn.Module<Tensor, Tensor>)named["maxpool"]).call(nn.functional.relu(((nn.Module<Tensor, Tensor>)named["bn1"]).call(((nn.Module<Tensor, Tensor>)named["conv1"]).call(x))));
        int offset = 0;
        foreach (var (stage, width) in ResNetBackbone.StageNames.Zip(ResNetBackbone.StageWidths))
        {
            h = bb.Stage(stage).call(h);
            var avg = h.mean(new long[] { 2, 3 });
            var max = h.amax(new long[] { 2, 3 });
            Assert.True(pooled.narrow(1, offset, width).allclose(avg, rtol: 1e-5, atol: 1e-6), stage + " avg");
            Assert.True(pooled.narrow(1, 960 + offset, width).allclose(max, rtol: 0, atol: 0), stage + " max");
            offset += width;
        }
        // The layer4 average is exactly what the study's model takes.
        Assert.Equal(bb.call(x).data<float>().ToArray(), pooled.narrow(1, 448, 512).contiguous().data<float>().ToArray());
        // Features of the whole model are the options' bank columns: per stage its average, then its max.
        var features = model.Features(x);
        Assert.Equal(new long[] { 2, 1920 }, features.shape);
        Assert.Equal(pooled.narrow(1, 0, 64).contiguous().data<float>().ToArray(), features.narrow(1, 0, 64).contiguous().data<float>().ToArray());
        Assert.Equal(pooled.narrow(1, 960, 64).contiguous().data<float>().ToArray(), features.narrow(1, 64, 64).contiguous().data<float>().ToArray());
        Assert.Equal(pooled.narrow(1, 960 + 448, 512).contiguous().data<float>().ToArray(), features.narrow(1, 1408, 512).contiguous().data<float>().ToArray());
    }

    [Fact]
    public void Flip_averaged_features_are_the_mean_over_the_image_and_its_mirror_and_do_not_see_the_flip()
    {
        using var flip = Model(new FeatureOptions { Layers = ["layer3", "layer4"], Pooling = FeaturePooling.AvgMax, FlipAverage = true });
        flip.eval();
        using var scope = NewDisposeScope();
        var x = randn(new long[] { 3, 3, 64, 64 }, generator: new Generator(11));
        var mirrored = x.flip(3);
        var f = flip.Features(x);
        Assert.Equal(new long[] { 3, 1536 }, f.shape);
        // A mirrored image has the same flip-averaged features (its mirror is the image).
        Assert.Equal(f.data<float>().ToArray(), flip.Features(mirrored).data<float>().ToArray());
        // (pooled(x) + pooled(mirror x)) / 2, through the model's own backbone.
        var bank = flip.FeatureBank(x);
        Assert.Equal(new long[] { 3, 3840 }, bank.shape);
        var own = flip.BackboneModule.PooledStages(x);
        var mirror = flip.BackboneModule.PooledStages(mirrored);
        Assert.Equal(own.data<float>().ToArray(), bank.narrow(1, 0, 1920).contiguous().data<float>().ToArray());
        Assert.Equal(mirror.data<float>().ToArray(), bank.narrow(1, 1920, 1920).contiguous().data<float>().ToArray());
        Assert.NotEqual(own.data<float>().ToArray(), mirror.data<float>().ToArray()); // the flip does change the plain features
        Assert.True(f.allclose(own.add(mirror).mul(0.5).index_select(1, tensor(TransferModel.BankColumns(flip.FeatureOptions!).Select(c => (long)c).ToArray())), rtol: 0, atol: 0));
    }

    [Fact]
    public void Standardisation_uses_the_training_features_mean_and_population_sd_by_hand()
    {
        // Column 0: 1, 3, 5 → mean 3, population sd √(8/3) = 1.63299; column 1 is constant → only centred.
        var s = new FeatureStandardizer(2);
        using var train = tensor(new float[] { 1, 2, 3, 2, 5, 2 }, new long[] { 3, 2 });
        s.Fit(train);
        using var x = tensor(new float[] { 1, 2, 7, 4 }, new long[] { 2, 2 });
        using var y = s.call(x);
        var got = y.data<float>().ToArray();
        Assert.Equal(-1.2247449f, got[0], 5);
        Assert.Equal(0f, got[1], 6);
        Assert.Equal(2.4494897f, got[2], 5);
        Assert.Equal(2f, got[3], 6);
        Assert.Equal(new[] { "mean", "std" }, s.state_dict().Keys.Order());
        using var bad = zeros(3, 5);
        Assert.Throws<ArgumentException>(() => s.Fit(bad));
    }

    [Theory]
    // Head input 1536 = (256 + 512) · 2: linear 1536·3 + 3; MLP 1536·128 + 128 + 128·3 + 3; 64 hidden: 1536·64 + 64 + 64·3 + 3.
    [InlineData(0, false, 4_611)]
    [InlineData(128, false, 197_123)]
    [InlineData(64, true, 98_563)]
    public void The_head_has_the_asked_shape(int hidden, bool standardize, long trainable)
    {
        using var model = Model(new FeatureOptions { Layers = ["layer3", "layer4"], Pooling = FeaturePooling.AvgMax, HeadHidden = hidden, Standardize = standardize });
        Assert.Equal(1536, model.HeadInputDim);
        Assert.Equal(trainable, model.Counts().Trainable);
        Assert.Equal(standardize, model.StandardizesFeatures);
        Assert.Equal(standardize, model.state_dict().ContainsKey("head.norm.mean"));
        using var features = randn(4, 1536);
        model.eval();
        using var logits = model.Head(features);
        Assert.Equal(new long[] { 4, 3 }, logits.shape);
        // The study's head keeps its names and size without options.
        using var study = ModelTestHelpers.UntrainedTransfer("resnet18");
        Assert.Equal(TransferModel.HeadParameterCount, study.Counts().Trainable);
        Assert.Null(study.FeatureOptions);
    }

    private static Preset WithFeature(string path, string value) =>
        PresetOverrides.Apply(PresetRegistry.Get("improved-smoke"), new Dictionary<string, string> { ["model.features." + path] = value });

    [Theory]
    [InlineData("layers", "[]", "model.features.layers (--set model.features.layers=[]) must name at least one of layer1, layer2, layer3, layer4")]
    [InlineData("layers", "[\"layer5\"]", "model.features.layers (--set model.features.layers=[\"layer5\"]) must name stages among layer1, layer2, layer3, layer4 ('layer5' is not one)")]
    [InlineData("layers", "[\"layer4\",\"layer4\"]", "model.features.layers (--set model.features.layers=[\"layer4\",\"layer4\"]) must name each stage at most once")]
    [InlineData("head_hidden", "-1", "model.features.head_hidden (--set model.features.head_hidden=-1) must be between 0 (a linear head) and 4096")]
    [InlineData("head_hidden", "5000", "model.features.head_hidden (--set model.features.head_hidden=5000) must be between 0 (a linear head) and 4096")]
    [InlineData("flip_average", "true", "")]
    public void Bad_feature_options_are_named(string path, string value, string expected)
    {
        var preset = WithFeature(path, value);
        if (expected.Length == 0)
        {
            preset.Validate();
            return;
        }
        var e = Assert.Throws<PresetValidationException>(preset.Validate);
        Assert.Equal(expected, Assert.Single(e.Errors));
    }

    [Fact]
    public void Feature_options_need_a_transfer_model_and_standardisation_needs_cached_features()
    {
        var std = WithFeature("standardize", "true");
        std.Validate();
        var e = Assert.Throws<PresetValidationException>((std with { Augment = Repro.Data.Augment.AugmentKind.Light }).Validate);
        Assert.StartsWith("model.features.standardize (--set model.features.standardize=true) needs cached frozen-backbone features", Assert.Single(e.Errors));
        var cnn = PresetRegistry.Get("q1-cnn-smoke");
        var c = Assert.Throws<PresetValidationException>((cnn with { Model = cnn.Model with { Features = new FeatureOptions() } }).Validate);
        Assert.Contains(c.Errors, x => x.StartsWith("model.features (--set model.features=layer4/avg/h128) applies to transfer models only", StringComparison.Ordinal));
        var pooling = Assert.Throws<PresetValidationException>((std with { Model = std.Model with { Features = std.Model.Features! with { Pooling = (FeaturePooling)9 } } }).Validate);
        Assert.StartsWith("model.features.pooling (--set model.features.pooling=9) must be one of avg, max, avg-max", Assert.Single(pooling.Errors));
    }

    [Fact]
    public void Presets_without_options_write_no_features_key_and_overrides_start_from_the_defaults()
    {
        foreach (var p in PresetRegistry.All.Values.Where(p => p.Model.Features is null))
            Assert.DoesNotContain("\"features\"", ReproJson.Serialize(p));
        var p2 = WithFeature("layers", "[\"layer2\",\"layer4\"]");
        Assert.Equal(new[] { "layer2", "layer4" }, p2.Model.Features!.Layers);
        Assert.Equal(FeaturePooling.Avg, p2.Model.Features.Pooling);
        Assert.Equal(128, p2.Model.Features.HeadHidden);
        Assert.Contains("\"features\"", ReproJson.Serialize(p2));
        Assert.NotEqual(PresetHash.Of(PresetRegistry.Get("improved-smoke")), PresetHash.Of(p2));
        // Read back from the settings JSON as written.
        var back = ReproJson.Deserialize<Preset>(ReproJson.Serialize(p2), "settings");
        Assert.Equal(PresetHash.Of(p2), PresetHash.Of(back));
    }

    [Fact]
    public void A_feature_bank_is_cached_once_and_serves_options_that_differ_in_stages_pooling_or_head()
    {
        var basePreset = PresetRegistry.Get("improved-smoke") with
        {
            ImageSize = 32, Epochs = 2, BootstrapResamples = 0,
            Model = new ModelSpec(ModelKind.Transfer, "resnet18", Features: new FeatureOptions { FlipAverage = true, Standardize = true, HeadHidden = 0 }),
        };
        string cache = RepoPaths.NewTempDir("feature-bank");
        var options = new RunOptions { SyntheticScale = 0.02, CacheDirectory = cache, Runtime = TestRuntime.Options, Seed = 3 };
        string[] Files() => Directory.GetFiles(Path.Combine(cache, "features")).Select(Path.GetFileName).Order().ToArray()!;

        var first = Trainer.Run(basePreset, options);
        Assert.True(first.FeaturesCached);
        var files = Files();
        Assert.EndsWith(".bank", Assert.Single(files));
        var again = Trainer.Run(basePreset, options);
        Assert.Equal(files, Files());
        Assert.Equal(ReproJson.Serialize(first.TestPredictions), ReproJson.Serialize(again.TestPredictions));

        // Other stages, pooling and head, without flip averaging: the flip bank serves them (no new pass, no new file).
        var other = basePreset with { Model = basePreset.Model with { Features = new FeatureOptions { Layers = ["layer2", "layer4"], Pooling = FeaturePooling.AvgMax, HeadHidden = 16 } } };
        var otherRun = Trainer.Run(other, options);
        Assert.Equal(files, Files());
        Assert.NotEqual(ReproJson.Serialize(first.TestPredictions), ReproJson.Serialize(otherRun.TestPredictions));

        // The plain features' cache is keyed apart: the study's head on the same backbone writes its own file.
        Trainer.Run(basePreset with { Model = new ModelSpec(ModelKind.Transfer, "resnet18") }, options);
        Assert.Equal(2, Files().Length);
        Assert.Single(Files(), f => f.EndsWith(".features", StringComparison.Ordinal));
    }
}
