using BenchmarkDotNet.Attributes;
using Repro.Data;

namespace Repro.Benchmarks;

/// <summary>
/// Decoding the 3,071 MTH416 images into the uint8 tensor set (cache off): every file read and hashed,
/// decoded by ImageSharp, resized when not at size (MTH416 is 224×224, so at 224 nothing is resampled; at
/// 64 every image is resized with the Triangle filter), assembled into the three splits. Images/s =
/// 3,071 / mean. The loader always parallelises over files (<c>Parallel.For</c>, no thread option), so the
/// single-threaded case runs the load on a task scheduler with a concurrency of one, which
/// <c>Parallel.For</c> picks up as <c>TaskScheduler.Current</c>.
/// </summary>
public class DecodeBenchmarks
{
    /// <summary>Images in MTH416 (train 2,463 + val 303 + test 305).</summary>
    public const int Mth416Images = 3071;

    private string _directory = "";

    /// <summary>Side of the decoded square images: 224 (no resample) and 64 (decode + resize).</summary>
    [Params(224, 64)]
    public int Size { get; set; }

    /// <summary>Threads decoding: 1, and every core of the machine.</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    /// <summary>1 and <see cref="Environment.ProcessorCount"/>.</summary>
    public static IEnumerable<int> ThreadCounts => new[] { 1, Environment.ProcessorCount }.Distinct();

    /// <summary>Finds the data and checks its size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchSettings.EnsureRuntime();
        _directory = BenchSettings.DataDirectory;
        using var splits = Load();
        int count = splits.Train.Count + splits.Val.Count + splits.Test.Count;
        if (count != Mth416Images)
            throw new InvalidOperationException($"{_directory} holds {count} images, not MTH416's {Mth416Images}; OperationsPerInvoke would be wrong");
    }

    /// <summary>One full decode of the dataset.</summary>
    [Benchmark(OperationsPerInvoke = Mth416Images)]
    public int DecodeResize()
    {
        using var splits = Load();
        return splits.Train.Count;
    }

    private DatasetSplits Load()
    {
        var options = new DataOptions { Directory = _directory, ImageSize = Size, UseCache = false };
        if (Threads >= Environment.ProcessorCount) return DatasetLoader.Load(options);
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Threads).ConcurrentScheduler;
        return Task.Factory.StartNew(() => DatasetLoader.Load(options), CancellationToken.None, TaskCreationOptions.None, scheduler)
            .GetAwaiter().GetResult();
    }
}
