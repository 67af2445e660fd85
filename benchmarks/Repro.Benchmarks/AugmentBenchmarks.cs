using BenchmarkDotNet.Attributes;
using Repro.Data.Augment;
using Repro.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Benchmarks;

/// <summary>
/// The study's training transform (<see cref="StudyTransforms.Train"/>, defect 1 on as in q1-cnn: flips,
/// rotation ±45°, random resized crop, perspective, colour jitter, normalise, erasing, noise, clamp) on one
/// uint8 grayscale batch <c>[B,1,224,224]</c> resident on the device, to float <c>[B,3,224,224]</c>.
/// Images/s = Batch / mean.
/// </summary>
public class AugmentBenchmarks : DeviceBatchBenchmark
{
    private Tensor? _batch;
    private Generator? _generator;
    private Compose? _transform;
    private Device? _device;

    /// <summary>Makes a random uint8 batch on the device and the transform's generator.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _device = StartRuntime();
        using var gen = TorchRuntime.Generator(416, 0);
        using var host = randint(0, 256, [Batch, 1, 224, 224], generator: gen, dtype: ScalarType.Byte);
        _batch = host.to(_device);
        _generator = TorchRuntime.Generator(42, 2);
        _transform = StudyTransforms.Train(clampAfterNormalize: true, imageSize: 224, channels: 3);
    }

    /// <summary>One augmented batch.</summary>
    [Benchmark]
    public long StudyTransform()
    {
        using var scope = NewDisposeScope();
        var output = _transform!.Apply(_batch!, _generator!);
        BenchDevices.Synchronize(_device!);
        return output.shape[1];
    }

    /// <summary>Frees the batch and the generator.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _batch?.Dispose();
        _generator?.Dispose();
    }
}
