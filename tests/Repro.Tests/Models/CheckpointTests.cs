using Repro.Models;
using Repro.Runtime;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Repro.Tests.Models;

public class CheckpointTests
{
    /// <summary>
    /// A torchvision-style resnet18 checkpoint made from known tensors: the state_dict of a seeded
    /// backbone with non-trivial BatchNorm statistics, no num_batches_tracked (like torchvision's
    /// published files) and a 1000-way fc, written in PyTorch's zip format by PyBridge.
    /// </summary>
    private static (string Path, Dictionary<string, float[]> Expected) MakeResnet18Checkpoint(string dir, string extension)
    {
        TorchRuntime.Seed(21);
        using var source = new ResNetBackbone(new[] { 2, 2, 2, 2 });
        using (no_grad())
            foreach (var (name, t) in source.state_dict().Where(kv => kv.Key.EndsWith("running_mean", StringComparison.Ordinal)))
                t.uniform_(-0.5, 0.5);
        var sd = source.state_dict().Where(kv => !kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        sd["fc.weight"] = randn(1000, 512);
        sd["fc.bias"] = zeros(1000);
        string path = Path.Combine(dir, "resnet18-test" + extension);
        if (extension == ".safetensors")
        {
            using var stream = File.Create(path);
            Safetensors.SaveStateDict(stream, sd);
        }
        else
        {
            PyTorchPickler.PickleStateDict(path, sd);
        }
        return (path, ModelTestHelpers.Snapshot(source));
    }

    [Theory]
    [InlineData(".pth")]
    [InlineData(".safetensors")]
    public void A_torchvision_style_checkpoint_loads_into_resnet18_by_name(string extension)
    {
        TestRuntime.Init();
        string dir = RepoPaths.NewTempDir("ckpt");
        var (path, expected) = MakeResnet18Checkpoint(dir, extension);

        TorchRuntime.Seed(99);
        using var model = (TransferModel)ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet18", path), CPU);
        var loaded = ModelTestHelpers.Snapshot(model.BackboneModule);
        Assert.Equal(expected.Keys.OrderBy(k => k), loaded.Keys.OrderBy(k => k));
        foreach (var key in expected.Keys) Assert.Equal(expected[key], loaded[key]);
        Assert.Equal($"{Path.GetFileName(path)} (sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))[..12]}…)", model.WeightsSource);
        Assert.Contains(model.Warnings, w => w.Contains("fc.weight", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Warnings, w => w.Contains("RANDOM", StringComparison.Ordinal));
        Assert.Equal(new ParameterCounts(11_242_563, 66_051, 11_176_512), model.Counts());
    }

    [Fact]
    public void Without_weights_resnet18_is_random_and_says_so_loudly()
    {
        TestRuntime.Init();
        using var model = ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet18"), CPU);
        Assert.Equal("random init", model.WeightsSource);
        var warning = Assert.Single(model.Warnings);
        Assert.Contains("RANDOM", warning);
        Assert.Contains("--weights", warning);
    }

    [Fact]
    public void A_real_pytorch_checkpoint_of_another_architecture_is_refused_with_the_mismatching_names()
    {
        TestRuntime.Init();
        string path = ModelTestHelpers.Fixture("wrong-arch.pth");
        var e = Assert.Throws<InvalidDataException>(() => BackboneRegistry.Load("resnet18", path));
        Assert.Contains(path, e.Message);
        Assert.Contains("layer1.0.conv3.weight", e.Message);           // unexpected (a Bottleneck name)
        Assert.Contains("missing 94: layer1.0.bn1.bias", e.Message);  // missing (the first of them, sorted)
        Assert.Contains("conv1.weight [8,3,3,3]", e.Message);          // wrong shape
        Assert.DoesNotContain("fc.weight", e.Message);                 // the classifier is ignored, not blamed
    }

    [Fact]
    public void A_resnet18_imagenet_layout_checkpoint_does_not_fit_resnet18()
    {
        TestRuntime.Init();
        string dir = RepoPaths.NewTempDir("ckpt-wrong");
        string path = Path.Combine(dir, "deeper.pth");
        using (var deeper = new ResNetBackbone(new[] { 2, 2, 2, 3 })) deeper.save_py(path);
        var e = Assert.Throws<InvalidDataException>(() => BackboneRegistry.Load("resnet18", path));
        Assert.Contains("layer4.2.conv1.weight", e.Message);
        Assert.Contains("unexpected", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_a_clear_error()
    {
        TestRuntime.Init();
        string path = Path.Combine(RepoPaths.NewTempDir("ckpt-bad"), "garbage.pth");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        var e = Assert.Throws<InvalidDataException>(() => BackboneRegistry.Load("resnet18", path));
        Assert.Contains(path, e.Message);
        Assert.Throws<FileNotFoundException>(() => BackboneRegistry.Load("resnet18", path + ".missing"));
    }
}
