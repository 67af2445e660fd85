using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Repro.Data;
using Repro.Data.Sampling;
using Repro.Models;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Losses;
using Repro.Training.Optim;
using Repro.Training.Presets;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Benchmarks;

/// <summary>
/// One training epoch of <c>q1-cnn-smoke</c> on MTH416 (64×64, batch 32, class-weighted sampler, the
/// study's augmentation on the device, focal loss, clip 1.0, AdamW): the same loop as the trainer's
/// <c>TrainOneEpoch</c>, over the decoded train set resident on the device (decoded once in the setup;
/// validation is not part of it). Images/s = 2,463 / mean. Monitoring strategy: each iteration is one
/// epoch, measured as is.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2, id: "Monitoring")]
public class EpochBenchmarks
{
    /// <summary>MTH416's train split: 2,145 + 186 + 132 (samples per class-weighted epoch).</summary>
    public const int TrainImages = 2463;

    private DatasetSplits? _data;
    private TensorSet? _train;
    private ReproModel? _model;
    private AdamW? _optimizer;
    private ILossFunction? _loss;
    private ISampler? _sampler;
    private InputPipeline? _input;
    private Generator? _samplerGen, _augmentGen;
    private Preset _preset = PresetRegistry.Get("q1-cnn-smoke");
    private Device? _device;

    /// <summary>cpu, and cuda only where present.</summary>
    [ParamsSource(nameof(DeviceNames))]
    public string Device { get; set; } = "cpu";

    /// <summary>The devices present.</summary>
    public static IEnumerable<string> DeviceNames => BenchDevices.Available();

    /// <summary>Decodes MTH416 at the preset's size and builds model, optimizer, loss, sampler and pipeline as the trainer does.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchSettings.EnsureRuntime();
        _preset = PresetRegistry.Get("q1-cnn-smoke");
        _device = Devices.Resolve(Device);
        _data = DatasetLoader.Load(new DataOptions { Directory = BenchSettings.DataDirectory, ImageSize = _preset.ImageSize, UseCache = false });
        _train = _data.Train.To(_device);
        TorchRuntime.Seed(42);
        _model = ModelFactory.Create(_preset.Model, _device);
        _loss = Trainer.EffectiveLoss(_preset).Create(_train.ClassCounts());
        _optimizer = new AdamW(_model.ParameterGroups().Select(g => new ParamGroup(g.Key, g.Value, _preset.LearningRate, _preset.WeightDecay)));
        _samplerGen = TorchRuntime.Generator(42, 1);
        _augmentGen = TorchRuntime.Generator(42, 2);
        var sampler = new ClassWeightedSampler(_train.LabelArray, _samplerGen);
        if (sampler.EpochLength != TrainImages)
            throw new InvalidOperationException($"an epoch has {sampler.EpochLength} samples, not {TrainImages}; OperationsPerInvoke would be wrong");
        _sampler = sampler;
        _input = new InputPipeline(_preset, _model.Normalization);
    }

    /// <summary>One epoch: sample, gather, augment, forward, loss, backward, clip, step — batch by batch.</summary>
    [Benchmark(OperationsPerInvoke = TrainImages)]
    public double TrainOneEpoch()
    {
        _model!.SetMode(true, _preset.Defects.FrozenBatchNormTrains);
        long[] order = _sampler!.NextEpoch();
        double lossSum = 0;
        for (int start = 0; start < order.Length; start += _preset.BatchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(_preset.BatchSize, order.Length - start);
            var idx = tensor(order.AsSpan(start, count).ToArray(), device: _device);
            var y = _train!.Labels.index_select(0, idx);
            var x = _input!.Train(_train.Images.index_select(0, idx), _augmentGen!);
            var (inputs, targets) = _input.Mix(x, y, _augmentGen!);
            var loss = _loss!.Compute(_model.forward(inputs), targets);
            lossSum += loss.item<float>();
            _optimizer!.ZeroGrad();
            loss.backward();
            GradientClipping.ClipGlobalNorm(_optimizer.Parameters, _preset.GradClipNorm);
            _optimizer.Step();
        }
        BenchDevices.Synchronize(_device!);
        return lossSum;
    }

    /// <summary>Frees everything.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer?.Dispose();
        _model?.Dispose();
        _train?.Dispose();
        _data?.Dispose();
        _samplerGen?.Dispose();
        _augmentGen?.Dispose();
    }
}
