using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using Repro.Models;
using Repro.Runtime;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Repro.Tests.Models;

/// <summary>The ImageNet backbone converted once for this class (into a private cache folder).</summary>
public sealed class ConvertedImagenetBackbone : IDisposable
{
    public ConvertedImagenetBackbone()
    {
        TestRuntime.Init();
        CacheDir = RepoPaths.NewTempDir("onnx-cache");
        OnnxPath = ResNet18OnnxPackage.FindModel();
        Backbone = new ResNetBackbone(new[] { 2, 2, 2, 3 });
        var watch = Stopwatch.StartNew();
        Source = OnnxResNetWeights.LoadInto(Backbone, OnnxPath, CacheDir);
        ConversionSeconds = watch.Elapsed.TotalSeconds;
        Backbone.eval();
    }

    public string CacheDir { get; }
    public string OnnxPath { get; }
    public ResNetBackbone Backbone { get; }
    public string Source { get; }
    public double ConversionSeconds { get; }

    public void Dispose() => Backbone.Dispose();
}

public class OnnxConversionTests : IClassFixture<ConvertedImagenetBackbone>
{
    private readonly ConvertedImagenetBackbone _converted;
    private readonly ITestOutputHelper _output;

    public OnnxConversionTests(ConvertedImagenetBackbone converted, ITestOutputHelper output)
    {
        _converted = converted;
        _output = output;
    }

    private static float[] RunOnnx(InferenceSession session, float[] chw)
    {
        string input = session.InputMetadata.Keys.Single();
        var tensor = new DenseTensor<float>(chw, new[] { 1, 3, 224, 224 });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(input, tensor) });
        return results.First().AsEnumerable<float>().ToArray();
    }

    /// <summary>[3,224,224] → same with the channel axis reversed (BGR ↔ RGB).</summary>
    private static float[] SwapChannels(float[] chw)
    {
        int plane = 224 * 224;
        var result = new float[chw.Length];
        for (int c = 0; c < 3; c++) Array.Copy(chw, c * plane, result, (2 - c) * plane, plane);
        return result;
    }

    private float[] Ours(float[] batchNchw, int n)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return _converted.Backbone.call(tensor(batchNchw, new long[] { n, 3, 224, 224 })).data<float>().ToArray();
    }

    [Fact]
    public void Converted_backbone_features_equal_onnx_runtimes()
    {
        using var preprocess = new InferenceSession(ResNet18OnnxPackage.FindPreprocess());
        using var resnet = new InferenceSession(_converted.OnnxPath);
        var random = new Random(416);
        const int n = 2;
        int size = 3 * 224 * 224;
        var ourInput = new float[n * size];
        var expected = new List<float[]>();
        for (int i = 0; i < n; i++)
        {
            // An RGB image in 0–255; ML.NET's preprocessing makes the BGR, mean-image-subtracted input.
            var rgb = Enumerable.Range(0, size).Select(_ => (float)(random.NextDouble() * 255)).ToArray();
            var bgrMinusMean = RunOnnx(preprocess, SwapChannels(rgb));
            expected.Add(RunOnnx(resnet, bgrMinusMean));
            // Our backbone takes the same numbers in RGB order.
            Array.Copy(SwapChannels(bgrMinusMean), 0, ourInput, i * size, size);
        }
        var ours = Ours(ourInput, n);
        float max = 0, scale = 0;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(512, expected[i].Length);
            max = Math.Max(max, ModelTestHelpers.MaxAbsDiff(expected[i], ours.Skip(i * 512).Take(512).ToArray()));
            scale = Math.Max(scale, expected[i].Max(Math.Abs));
        }
        _output.WriteLine($"max |ONNX Runtime − ours| = {max:E2} (features up to {scale:F3}); conversion {_converted.ConversionSeconds:F2} s; {_converted.Source}");
        Assert.True(max <= 1e-4f, $"max abs diff {max}");
    }

    [Fact]
    public void Per_channel_normalisation_approximates_the_mean_image()
    {
        // What the data pipeline does: x in [0,1] RGB, (x − mean)/std with the registry's per-channel values.
        using var preprocess = new InferenceSession(ResNet18OnnxPackage.FindPreprocess());
        using var resnet = new InferenceSession(_converted.OnnxPath);
        var norm = BackboneRegistry.OnnxImageNet;
        var random = new Random(7);
        int plane = 224 * 224;
        // A smooth grey image, like a mammogram read as RGB (the three channels equal).
        var grey = new float[plane];
        for (int y = 0; y < 224; y++)
            for (int x = 0; x < 224; x++)
                grey[y * 224 + x] = (float)(0.5 + 0.35 * Math.Sin(x / 23.0) * Math.Cos(y / 31.0) + 0.05 * random.NextDouble());
        var rgb255 = new float[3 * plane];
        var ours = new float[3 * plane];
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < plane; i++)
            {
                rgb255[c * plane + i] = grey[i] * 255;
                ours[c * plane + i] = (float)((grey[i] - norm.Mean[c]) / norm.Std[c]);
            }
        var reference = RunOnnx(resnet, RunOnnx(preprocess, SwapChannels(rgb255)));
        var approx = Ours(ours, 1);
        float max = ModelTestHelpers.MaxAbsDiff(reference, approx);
        double rel = Math.Sqrt(reference.Zip(approx, (a, b) => (double)(a - b) * (a - b)).Sum() / reference.Sum(a => (double)a * a));
        double cos = reference.Zip(approx, (a, b) => (double)a * b).Sum() /
                     Math.Sqrt(reference.Sum(a => (double)a * a) * approx.Sum(a => (double)a * a));
        _output.WriteLine($"per-channel vs per-pixel mean: max abs {max:F4}, relative L2 {rel:P2}, cosine {cos:F5}, features up to {reference.Max():F3}");
        Assert.True(cos > 0.99, $"cosine {cos}");
    }

    [Fact]
    public void Registry_normalisation_matches_the_mean_images_channel_means()
    {
        var model = ModelProto.Parser.ParseFromFile(ResNet18OnnxPackage.FindPreprocess());
        var mean = model.Graph.Initializer.Single();
        int plane = 224 * 224;
        var norm = BackboneRegistry.OnnxImageNet;
        for (int bgr = 0; bgr < 3; bgr++)
        {
            double channelMean = mean.FloatData.Skip(bgr * plane).Take(plane).Average(v => (double)v);
            Assert.Equal(channelMean / 255, norm.Mean[2 - bgr], 6);
            Assert.Equal(1.0 / 255, norm.Std[2 - bgr], 9);
        }
    }

    [Fact]
    public void Second_load_comes_from_the_cache_with_identical_weights()
    {
        Assert.Single(Directory.GetFiles(_converted.CacheDir, "resnet18-imagenet-*.dat"));
        using var again = new ResNetBackbone(new[] { 2, 2, 2, 3 });
        var watch = Stopwatch.StartNew();
        OnnxResNetWeights.LoadInto(again, _converted.OnnxPath, _converted.CacheDir);
        _output.WriteLine($"cached load {watch.Elapsed.TotalSeconds:F2} s, first conversion {_converted.ConversionSeconds:F2} s");
        var a = ModelTestHelpers.Snapshot(_converted.Backbone);
        var b = ModelTestHelpers.Snapshot(again);
        foreach (var key in a.Keys) Assert.Equal(a[key], b[key]);
    }

    [Fact]
    public void Cache_file_is_keyed_by_converter_and_libtorch_version()
    {
        string name = Path.GetFileName(Assert.Single(Directory.GetFiles(_converted.CacheDir, "resnet18-imagenet-*.dat")));
        Assert.Contains($"-conv{OnnxResNetWeights.ConverterVersion}-", name);
        Assert.Contains("-libtorch" + CacheStamp.LibTorchVersion.Replace('+', '-'), name);
        Assert.StartsWith("resnet18-imagenet-" + OnnxResNetWeights.Sha256(_converted.OnnxPath)[..16], name);
    }

    [Fact]
    public void Damaged_weights_cache_is_converted_again_with_a_note()
    {
        // The case: 1 MB zeroed inside the cached ImageNet weights was used without a word.
        string dir = RepoPaths.NewTempDir("onnx-cache-damaged");
        string source = Assert.Single(Directory.GetFiles(_converted.CacheDir, "resnet18-imagenet-*.dat"));
        string cache = Path.Combine(dir, Path.GetFileName(source));
        byte[] bytes = File.ReadAllBytes(source);
        Array.Clear(bytes, bytes.Length / 2, 1 << 20);
        File.WriteAllBytes(cache, bytes);

        using var again = new ResNetBackbone(new[] { 2, 2, 2, 3 });
        var notes = new List<string>();
        OnnxResNetWeights.LoadInto(again, notes, _converted.OnnxPath, dir);
        var note = Assert.Single(notes);
        Assert.Contains(cache, note);
        Assert.Contains("checksum mismatch", note);
        var a = ModelTestHelpers.Snapshot(_converted.Backbone);
        var b = ModelTestHelpers.Snapshot(again);
        foreach (var key in a.Keys) Assert.Equal(a[key], b[key]);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(cache)); // replaced by an intact file

        notes.Clear();
        using var third = new ResNetBackbone(new[] { 2, 2, 2, 3 });
        OnnxResNetWeights.LoadInto(third, notes, _converted.OnnxPath, dir);
        Assert.Empty(notes);
    }

    [Fact]
    public void Graph_walk_finds_stages_2_2_2_3_and_maps_all_110_initializers()
    {
        var weights = OnnxResNetWeights.Convert(_converted.OnnxPath, out var stages);
        try
        {
            Assert.Equal(new[] { 2, 2, 2, 3 }, stages);
            Assert.Equal(110, weights.Count);
            Assert.Equal(new long[] { 64, 3, 7, 7 }, weights["conv1.weight"].shape);
            Assert.Equal(new long[] { 512, 256, 1, 1 }, weights["layer4.0.downsample.0.weight"].shape);
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
    }

    [Fact]
    public void Corrupt_or_unexpected_onnx_is_an_invalid_data_error_naming_the_file()
    {
        string dir = RepoPaths.NewTempDir("onnx-bad");
        string garbage = Path.Combine(dir, "garbage.onnx");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 10_000).Select(i => (byte)(i * 31 + 7)).ToArray());
        string truncated = Path.Combine(dir, "truncated.onnx");
        using (var source = File.OpenRead(_converted.OnnxPath))
        {
            var head = new byte[1 << 20];
            source.ReadExactly(head);
            File.WriteAllBytes(truncated, head);
        }
        string preprocess = ResNet18OnnxPackage.FindPreprocess();
        foreach (var path in new[] { garbage, truncated, preprocess })
        {
            var e = Assert.Throws<InvalidDataException>(() => OnnxResNetWeights.Convert(path));
            Assert.Contains(path, e.Message);
            _output.WriteLine(e.Message);
        }
        using var backbone = new ResNetBackbone(new[] { 2, 2, 2, 3 });
        var load = Assert.Throws<InvalidDataException>(() => OnnxResNetWeights.LoadInto(backbone, truncated, dir));
        Assert.Contains(truncated, load.Message);
    }

    [Fact]
    public void Resnet18_imagenet_transfer_model_loads_the_converted_weights()
    {
        string? previous = Environment.GetEnvironmentVariable("REPRO_CACHE");
        try
        {
            // A fresh REPRO_CACHE holding the file converted above, so the factory's default path is used without converting again.
            string root = RepoPaths.NewTempDir("repro-cache");
            Environment.SetEnvironmentVariable("REPRO_CACHE", root);
            Assert.Equal(Path.Combine(root, "weights"), OnnxResNetWeights.CacheDirectory);
            string cached = Directory.GetFiles(_converted.CacheDir, "*.dat").Single();
            Directory.CreateDirectory(OnnxResNetWeights.CacheDirectory);
            File.Copy(cached, Path.Combine(OnnxResNetWeights.CacheDirectory, Path.GetFileName(cached)));
            TorchRuntime.Seed(3);
            using var model = (TransferModel)ModelFactory.Create(new ModelSpec(ModelSpec.Transfer), CPU);
            Assert.Equal("resnet18-imagenet+head", model.Architecture);
            Assert.Empty(model.Warnings);
            Assert.Contains("ImageNet", model.WeightsSource);
            Assert.Equal(BackboneRegistry.OnnxImageNet, model.Normalization);
            var a = ModelTestHelpers.Snapshot(_converted.Backbone);
            var b = ModelTestHelpers.Snapshot(model.BackboneModule);
            foreach (var key in a.Keys) Assert.Equal(a[key], b[key]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("REPRO_CACHE", previous);
        }
    }
}
