using Repro.Models;
using Repro.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Tests.Models;

public class ResNetBackboneTests
{
    /// <summary>torchvision's resnet18 state_dict as PyTorch writes it (Fixtures/make_fixtures.py), without fc.</summary>
    private static List<string> TorchvisionKeys() =>
        File.ReadAllLines(ModelTestHelpers.Fixture("resnet18-keys.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith("fc.", StringComparison.Ordinal))
            .ToList();

    /// <summary>The same list built from the stage layout alone.</summary>
    private static List<string> ExpectedNames(IReadOnlyList<int> stages)
    {
        string[] bn = { "weight", "bias", "running_mean", "running_var", "num_batches_tracked" };
        var names = new List<string> { "conv1.weight" };
        names.AddRange(bn.Select(s => "bn1." + s));
        for (int s = 0; s < 4; s++)
            for (int b = 0; b < stages[s]; b++)
            {
                string p = $"layer{s + 1}.{b}.";
                foreach (var i in new[] { 1, 2 })
                {
                    names.Add($"{p}conv{i}.weight");
                    names.AddRange(bn.Select(x => $"{p}bn{i}.{x}"));
                }
                if (s > 0 && b == 0)
                {
                    names.Add($"{p}downsample.0.weight");
                    names.AddRange(bn.Select(x => $"{p}downsample.1.{x}"));
                }
            }
        return names;
    }

    [Fact]
    public void Resnet18_state_dict_names_and_shapes_equal_torchvisions()
    {
        TestRuntime.Init();
        using var backbone = new ResNetBackbone(new[] { 2, 2, 2, 2 });
        var ours = backbone.state_dict().Select(kv => $"{kv.Key} [{string.Join(",", kv.Value.shape)}]").ToList();
        var torchvision = TorchvisionKeys();
        Assert.Equal(120, torchvision.Count);
        // TorchSharp lists parameters before buffers, PyTorch module by module: same entries, other order.
        Assert.Equal(torchvision.Order(), ours.Order());
        Assert.Equal(ExpectedNames(new[] { 2, 2, 2, 2 }).Order(), backbone.state_dict().Keys.Order());
        foreach (var sample in new[] { "conv1.weight", "bn1.running_mean", "layer1.0.conv1.weight", "layer2.0.downsample.0.weight", "layer2.0.downsample.1.weight", "layer4.1.bn2.num_batches_tracked" })
            Assert.Contains(sample, backbone.state_dict().Keys);
    }

    [Fact]
    public void Imagenet_layout_adds_layer4_2_and_gives_512_features()
    {
        TestRuntime.Init();
        using var backbone = new ResNetBackbone(new[] { 2, 2, 2, 3 });
        Assert.Equal(ExpectedNames(new[] { 2, 2, 2, 3 }).Order(), backbone.state_dict().Keys.Order());
        Assert.Contains("layer4.2.conv2.weight", backbone.state_dict().Keys);
        backbone.eval();
        using var scope = NewDisposeScope();
        var features = backbone.call(randn(2, 3, 64, 64));
        Assert.Equal(new long[] { 2, 512 }, features.shape);
    }

    [Fact]
    public void Frozen_batchnorm_stays_in_eval_and_keeps_running_stats_unless_defect_4()
    {
        TestRuntime.Init();
        TorchRuntime.Seed(1);
        using var model = ModelTestHelpers.UntrainedTransfer("resnet18");
        var bn1 = model.BackboneModule.state_dict()["bn1.running_mean"];
        var layer4Bn = model.BackboneModule.state_dict()["layer4.1.bn2.running_mean"];
        var before = bn1.clone();
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 64, 64) * 3 + 1;

        model.SetMode(training: true);
        Assert.True(model.training);
        Assert.All(model.named_modules().Where(m => m.name.StartsWith("head", StringComparison.Ordinal)), m => Assert.True(m.module.training));
        Assert.All(model.BackboneModule.modules().OfType<BatchNorm2d>(), bn => Assert.False(bn.training));
        var logits = model.call(x);
        Assert.Equal(new long[] { 2, 3 }, logits.shape);
        Assert.True(bn1.eq(before).all().item<bool>(), "frozen BatchNorm's running_mean moved");
        Assert.False(model.Features(x).requires_grad);

        model.SetMode(training: true, frozenBatchNormTrains: true);
        Assert.All(model.BackboneModule.modules().OfType<BatchNorm2d>(), bn => Assert.True(bn.training));
        var l4Before = layer4Bn.clone();
        model.call(x);
        Assert.False(bn1.eq(before).all().item<bool>(), "defect 4: running_mean should drift");
        Assert.False(layer4Bn.eq(l4Before).all().item<bool>());
        Assert.Equal(66_051, model.Counts().Trainable);

        model.SetMode(training: false, frozenBatchNormTrains: true);
        Assert.All(model.modules(), m => Assert.False(m.training));
    }

    [Fact]
    public void Unfreeze_layer4_then_layer3_changes_counts_groups_and_modes()
    {
        TestRuntime.Init();
        using var model = ModelTestHelpers.UntrainedTransfer("resnet18");
        var groups = model.ParameterGroups();
        Assert.Equal(new[] { "head" }, groups.Keys.ToArray());
        Assert.Equal(66_051, groups["head"].Sum(p => p.numel()));

        Assert.True(model.Unfreeze("layer4"));
        Assert.False(model.Unfreeze("layer4"));
        Assert.False(model.HasFrozenBackbone);
        const long layer4 = 8_393_728;
        Assert.Equal(new ParameterCounts(11_242_563, 66_051 + layer4, 11_176_512 - layer4), model.Counts());
        groups = model.ParameterGroups();
        Assert.Equal(66_051, groups["head"].Sum(p => p.numel()));
        Assert.Equal(layer4, groups["backbone"].Sum(p => p.numel()));

        model.SetMode(training: true);
        Assert.All(model.BackboneModule.Stage("layer4").modules().OfType<BatchNorm2d>(), bn => Assert.True(bn.training));
        Assert.All(model.BackboneModule.Stage("layer3").modules().OfType<BatchNorm2d>(), bn => Assert.False(bn.training));
        using (var scope = NewDisposeScope())
            Assert.True(model.Features(randn(2, 3, 64, 64)).requires_grad);

        Assert.True(model.Unfreeze("layer3"));
        const long layer3 = 2_099_712;
        Assert.Equal(layer4 + layer3, model.ParameterGroups()["backbone"].Sum(p => p.numel()));
        Assert.Throws<ArgumentException>(() => model.Unfreeze("layer9"));
    }

    [Fact]
    public void Same_seed_gives_identical_init_and_another_seed_does_not()
    {
        TestRuntime.Init();
        foreach (var spec in new[] { new ModelSpec(ModelSpec.CustomCnn), new ModelSpec(ModelSpec.Transfer, "resnet18") })
        {
            Dictionary<string, float[]> Build(long seed)
            {
                TorchRuntime.Seed(seed);
                using var m = ModelFactory.Create(spec, CPU, loadWeights: false);
                return ModelTestHelpers.Snapshot(m);
            }
            var a = Build(11);
            var b = Build(11);
            var c = Build(12);
            Assert.Equal(a.Keys, b.Keys);
            foreach (var key in a.Keys) Assert.Equal(a[key], b[key]);
            Assert.Contains(a.Keys, k => !a[k].SequenceEqual(c[k]));
        }
    }

    [Fact]
    public void Conv_init_is_he_normal_fan_out_with_zero_bias()
    {
        TestRuntime.Init();
        TorchRuntime.Seed(5);
        using var model = new CustomCnn();
        var sd = model.state_dict();
        var w = sd["features.16.weight"]; // block 5 conv, 256→512
        double expectedStd = Math.Sqrt(2.0 / (512 * 9));
        Assert.InRange(w.std().item<float>(), expectedStd * 0.97, expectedStd * 1.03);
        Assert.Equal(0f, sd["features.16.bias"].abs().max().item<float>());
        Assert.Equal(1f, sd["features.17.weight"].min().item<float>());
    }
}
