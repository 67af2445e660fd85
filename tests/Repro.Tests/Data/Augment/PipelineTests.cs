using Repro.IO;
using Repro.Data.Augment;
using Repro.Results;
using Repro.Runtime;
using static Repro.Tests.Data.Augment.AugmentTestData;
using static TorchSharp.torch;

namespace Repro.Tests.Data.Augment;

public class PipelineTests
{
    private static Tensor UintBatch(long b = 4, long size = 32)
    {
        TestRuntime.Init();
        using var g = TorchRuntime.Generator(21, 99);
        return randint(0, 256, [b, 1, size, size], dtype: ScalarType.Byte, generator: g);
    }

    [Fact]
    public void Study_train_pipeline_with_the_defect_lives_in_0_1_and_fixed_spans_the_normalised_range()
    {
        using var x = UintBatch(b: 8);
        using var g1 = Gen(1);
        using var defect = StudyTransforms.Train(clampAfterNormalize: true, imageSize: 32).Apply(x, g1);
        Assert.Equal(new long[] { 8, 3, 32, 32 }, defect.shape);
        Assert.Equal(ScalarType.Float32, defect.dtype);
        Assert.True(defect.min().item<float>() >= 0f);
        Assert.True(defect.max().item<float>() <= 1f);

        using var g2 = Gen(1);
        using var fixedBatch = StudyTransforms.Train(clampAfterNormalize: false, imageSize: 32).Apply(x, g2);
        float min = fixedBatch.min().item<float>(), max = fixedBatch.max().item<float>();
        Assert.InRange(min, -2.12f, -1.5f);
        Assert.InRange(max, 2.0f, 2.641f);

        using var g3 = Gen();
        using var eval = StudyTransforms.Eval(32).Apply(x, g3);
        Assert.InRange(eval.min().item<float>(), -2.12f, -2.0f);
        Assert.InRange(eval.max().item<float>(), 2.5f, 2.641f);
    }

    [Fact]
    public void Study_pipeline_has_the_studys_steps_in_order()
    {
        var defect = StudyTransforms.Train(true);
        Assert.Equal(
            ["ToUnitRange", "RepeatChannels", "Resize", "HorizontalFlip", "VerticalFlip", "RandomRotation", "RandomResizedCrop",
             "RandomPerspective", "ColorJitter", "Normalize", "RandomErasing", "GaussianNoise", "Clamp"],
            defect.Steps.Select(s => s.GetType().Name).ToArray());
        Assert.Contains(new RandomResizedCrop(224, 0.8, 1.0, 0.8, 1.2), defect.Steps);
        Assert.Contains(new RandomPerspective(0.3, 0.5, 0), defect.Steps);
        Assert.Contains(new ColorJitter(0.4, 0.4, 0.4, 0.1), defect.Steps);
        Assert.Contains(new RandomRotation(45), defect.Steps);
        var names = StudyTransforms.Train(false).Steps.Select(s => s.GetType().Name).ToList();
        Assert.True(names.IndexOf("Clamp") < names.IndexOf("Normalize"));
        Assert.True(names.IndexOf("GaussianNoise") < names.IndexOf("Normalize"));
    }

    [Fact]
    public void Same_seed_gives_the_same_augmented_batch()
    {
        using var x = UintBatch();
        var pipeline = StudyTransforms.Train(true, imageSize: 32);
        using var g1 = Gen(77);
        using var g2 = Gen(77);
        using var a = pipeline.Apply(x, g1);
        using var b = pipeline.Apply(x, g2);
        Assert.True(Same(a, b));
        using var c = pipeline.Apply(x, g1); // the generator advanced: a different batch
        Assert.False(Same(a, c));
    }

    [Fact]
    public void Pipelines_serialise_to_json_and_back()
    {
        var train = StudyTransforms.Train(true);
        string json = ReproJson.Serialize<IBatchTransform>(train);
        Assert.Contains("\"type\": \"random_resized_crop\"", json);
        Assert.Contains("\"scale_min\": 0.8", json);
        var back = ReproJson.Deserialize<IBatchTransform>(json, "test");
        Assert.Equal(train, back);
        Assert.Contains("Mean = [0.485, 0.456, 0.406]", Normalize.ImageNet.ToString());
        var mix = ReproJson.Deserialize<IMixTransform>(ReproJson.Serialize<IMixTransform>(new CutMix(0.7)), "test");
        Assert.Equal(new CutMix(0.7), mix);
    }

    [Fact]
    public void Mixup_mixes_images_and_targets_with_one_weight()
    {
        using var x = Batch(b: 6);
        using var labels = tensor(new long[] { 0, 1, 2, 0, 1, 2 });
        using var y = nn.functional.one_hot(labels, 3).to_type(ScalarType.Float32);
        using var g1 = Gen(5);
        using var g2 = Gen(5);
        var (images, targets) = new Mixup(0.4).Apply(x, y, g1);
        var (images2, targets2) = new Mixup(0.4).Apply(x, y, g2);
        using (images) using (targets) using (images2) using (targets2)
        {
            Assert.True(Same(images, images2));
            Assert.True(Same(targets, targets2));
            Assert.Equal(x.shape, images.shape);
            Assert.All(Values(targets.sum(1)), s => Assert.Equal(1f, s, 5));
            Assert.InRange(targets.max().item<float>(), 0.5f, 1f);
        }
    }

    [Fact]
    public void Cutmix_pastes_a_box_and_weights_targets_by_its_area()
    {
        var box = CutMix.Box(10, 10, 0.75, 0.5, 0.5); // side √0.25·10 = 5 around (5,5)
        Assert.Equal(new CropBox(3, 3, 4, 4), box);
        using var x = Batch(b: 4, h: 16, w: 16);
        using var labels = tensor(new long[] { 0, 1, 2, 1 });
        using var y = nn.functional.one_hot(labels, 3).to_type(ScalarType.Float32);
        using var g = Gen(2);
        var (images, targets) = new CutMix().Apply(x, y, g);
        using (images) using (targets)
        {
            Assert.Equal(x.shape, images.shape);
            Assert.All(Values(targets.sum(1)), s => Assert.Equal(1f, s, 5));
        }
    }
}
