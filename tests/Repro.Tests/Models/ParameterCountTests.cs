using Repro.Models;
using static TorchSharp.torch;

namespace Repro.Tests.Models;

public class ParameterCountTests
{
    [Fact]
    public void Custom_cnn_has_the_reports_1_636_611_parameters_all_trainable()
    {
        TestRuntime.Init();
        using var model = ModelFactory.Create(new ModelSpec(ModelSpec.CustomCnn), CPU);
        Assert.Equal(new ParameterCounts(1_636_611, 1_636_611, 0), model.Counts());
        Assert.Equal(CustomCnn.ParameterCount, model.Counts().Total);
        Assert.Equal("custom-cnn", model.Architecture);
        Assert.Equal(InputNormalization.ImageNet, model.Normalization);
        Assert.False(model.HasFrozenBackbone);
    }

    [Fact]
    public void Prose_cnn_has_1_684_995_parameters()
    {
        TestRuntime.Init();
        using var model = ModelFactory.Create(new ModelSpec(ModelSpec.ProseCnn), CPU);
        Assert.Equal(new ParameterCounts(1_684_995, 1_684_995, 0), model.Counts());
    }

    [Fact]
    public void Resnet18_transfer_has_the_studys_counts()
    {
        TestRuntime.Init();
        using var model = ModelTestHelpers.UntrainedTransfer("resnet18");
        Assert.Equal(new ParameterCounts(11_242_563, 66_051, 11_176_512), model.Counts());
        Assert.Equal(11_176_512, BackboneRegistry.Get("resnet18").ParameterCount);
        Assert.Equal("resnet18+head", model.Architecture);
        Assert.True(model.HasFrozenBackbone);
    }

    [Fact]
    public void Resnet18_imagenet_transfer_has_one_more_layer4_block()
    {
        TestRuntime.Init();
        using var model = ModelTestHelpers.UntrainedTransfer("resnet18-imagenet");
        Assert.Equal(new ParameterCounts(15_963_203, 66_051, 15_897_152), model.Counts());
        Assert.Equal(15_897_152, BackboneRegistry.Get("resnet18-imagenet").ParameterCount);
    }

    [Fact]
    public void Cnns_compute_logits_for_small_images()
    {
        TestRuntime.Init();
        using var scope = NewDisposeScope();
        foreach (var kind in new[] { ModelSpec.CustomCnn, ModelSpec.ProseCnn })
        {
            using var model = ModelFactory.Create(new ModelSpec(kind), CPU);
            model.SetMode(training: false);
            var logits = model.call(randn(2, 3, 64, 64));
            Assert.Equal(new long[] { 2, 3 }, logits.shape);
            Assert.Throws<InvalidOperationException>(() => model.Features(randn(1, 3, 64, 64)));
        }
    }

    [Fact]
    public void Unknown_kind_or_backbone_is_named()
    {
        TestRuntime.Init();
        var e = Assert.Throws<ArgumentException>(() => ModelFactory.Create(new ModelSpec((ModelKind)9), CPU));
        Assert.Contains("unknown model kind '9'; known kinds: custom-cnn, prose-cnn, transfer", e.Message);
        var b = Assert.Throws<ArgumentException>(() => ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, "resnet50"), CPU));
        Assert.Contains("resnet18-imagenet", b.Message);
        Assert.Throws<ArgumentException>(() => ModelFactory.Create(new ModelSpec(ModelSpec.CustomCnn, WeightsPath: "x.pth"), CPU));
    }
}
