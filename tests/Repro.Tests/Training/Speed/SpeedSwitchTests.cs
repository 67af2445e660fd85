using Repro.IO;
using Repro.Models;
using Repro.Training.Presets;
using Repro.Training.Speed;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Tests.Training.Speed;

public class SpeedSwitchTests
{
    [Fact]
    public void Channels_last_keeps_shape_and_values_and_sets_nhwc_strides()
    {
        TestRuntime.Init();
        using var x = arange(2 * 3 * 4 * 5, dtype: ScalarType.Float32).reshape(2, 3, 4, 5);
        using var cl = ChannelsLast.Of(x);
        Assert.Equal(x.shape, cl.shape);
        Assert.Equal(new long[] { 60, 1, 15, 3 }, cl.stride());
        Assert.True(cl.equal(x).all().item<bool>());
        Assert.True(ChannelsLast.Is(cl));
        Assert.False(ChannelsLast.Is(x));
    }

    [Fact]
    public void A_channels_last_model_keeps_its_parameters_and_computes_the_same_logits()
    {
        TestRuntime.Init();
        Repro.Runtime.TorchRuntime.Seed(5);
        using var model = ModelFactory.Create(new ModelSpec(ModelSpec.CustomCnn), CPU);
        model.eval();
        var parameters = model.parameters().ToList();
        using var x = randn(2, 3, 64, 64);
        using var expected = model.forward(x);
        int converted = ChannelsLast.Apply(model);
        Assert.Equal(5, converted);
        Assert.Equal(parameters, model.parameters().ToList()); // same objects: optimizer groups stay valid
        foreach (var (name, p) in model.named_parameters().Where(kv => kv.parameter.dim() == 4))
            Assert.True(ChannelsLast.Is(p), name);
        using var got = model.forward(ChannelsLast.Of(x));
        Assert.True(got.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Bf16_converts_conv_and_linear_layers_keeps_batchnorm_float32_and_trainability()
    {
        TestRuntime.Init();
        Repro.Runtime.TorchRuntime.Seed(6);
        using var model = ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet18"), CPU);
        model.eval();
        using var x = randn(2, 3, 64, 64);
        using var expected = model.forward(x);
        var trainable = model.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.requires_grad);
        Bf16.Apply(model);
        foreach (var (name, p) in model.named_parameters())
        {
            bool isBatchNorm = name.Contains("bn") || name.Contains("downsample.1");
            Assert.True(p.dtype == (isBatchNorm ? ScalarType.Float32 : ScalarType.BFloat16), $"{name}: {p.dtype}");
            Assert.Equal(trainable[name], p.requires_grad);
        }
        foreach (var (name, b) in model.named_buffers()) Assert.True(b.dtype != ScalarType.BFloat16, name);
        using var got = new SpeedModel(model, new SpeedOptions { Precision = Precision.Bf16, FlatOptimizer = true }).Forward(x);
        Assert.Equal(ScalarType.Float32, got.dtype);
        // bf16 keeps 8 bits of mantissa: logits agree to a few per cent of their spread
        double scale = expected.abs().max().item<float>();
        Assert.True((got - expected).abs().max().item<float>() < 0.05 * scale + 1e-3);
    }

    [Theory]
    [InlineData("fp16", "true", "speed.precision=fp16: the value does not fit 'precision' (expected one of fp32, bf16)")]
    [InlineData("bf16", "false", "speed.flat_optimizer (--set speed.flat_optimizer=false) must be true with speed.precision=bf16")]
    public void Invalid_combinations_are_refused_naming_the_field(string precision, string flat, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => PresetOverrides.Apply(PresetRegistry.Get("q1-cnn"),
            new Dictionary<string, string> { ["speed.flat_optimizer"] = flat, ["speed.precision"] = precision }).Validate());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Speed_can_be_set_from_the_command_line_and_leaves_the_reference_hash_alone()
    {
        var reference = PresetRegistry.Get("q1-cnn-smoke");
        Assert.Null(reference.Speed);
        Assert.DoesNotContain("speed", Repro.IO.ReproJson.Serialize(reference));
        var p = PresetOverrides.Apply(reference, [new("speed.channels_last", "true"), new("speed.flat_optimizer", "true")]);
        Assert.Equal(new SpeedOptions { ChannelsLast = true, FlatOptimizer = true }, p.Speed);
        Assert.NotEqual(PresetHash.Of(reference), PresetHash.Of(p));
        var e = Assert.Throws<ArgumentException>(() => PresetOverrides.Apply(reference, [new("speed.fast", "true")]));
        Assert.Contains("no field 'fast'", e.Message);
    }

    [Fact]
    public void The_fast_presets_turn_every_switch_on()
    {
        foreach (var name in new[] { "q1-cnn-fast", "q2-resnet-fast" })
        {
            var p = PresetRegistry.Get(name);
            Assert.Equal(SpeedOptions.Fast, p.Speed);
            var reference = PresetRegistry.Get(name[..^"-fast".Length]);
            Assert.Equal(reference with { Name = p.Name, Description = p.Description, Speed = p.Speed, Device = p.Device }, p);
        }
    }

    [Fact]
    public void Bf16_on_a_cpu_pinned_to_avx2_is_flagged_and_the_reference_path_is_not()
    {
        var bf16 = new SpeedOptions { Precision = Precision.Bf16, FlatOptimizer = true, Tf32 = true };
        var warnings = SpeedSetup.Warnings(bf16, CPU, "avx2").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("--cpu-isa native", warnings[0]);
        Assert.Contains("no effect on a CPU", warnings[1]);
        Assert.Single(SpeedSetup.Warnings(bf16, CPU, "native")); // only the TF32 note
        Assert.Empty(SpeedSetup.Warnings(null, CPU, "avx2"));
    }
}
