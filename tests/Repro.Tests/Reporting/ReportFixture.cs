using Repro.Cli;
using Repro.Data.Audit;
using Repro.Evaluation;
using Repro.Results;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro.Tests.Reporting;

/// <summary>
/// Real inputs for the report, made once: a small synthetic dataset folder and its audit JSON, two seeds of a
/// tiny Q1 run on it (one trained, one derived by hand; result files), a BenchmarkDotNet-style export, and JSON that is not a result.
/// </summary>
public sealed class ReportFixture
{
    public static readonly Preset Tiny = PresetRegistry.Get("q1-cnn-smoke") with { ImageSize = 32, Epochs = 2, BootstrapResamples = 200 };

    public ReportFixture()
    {
        Root = RepoPaths.NewTempDir("report");
        DataDir = Path.Combine(Root, "data");
        int code = CommandLine.Run(["synth", "--out", DataDir, "--scale", "0.05", "--seed", "7", "--image-size", "32"], TextWriter.Null, TextWriter.Null);
        if (code != 0) throw new InvalidOperationException($"repro synth failed ({code})");

        AuditPath = Path.Combine(Root, "audit.json");
        var stderr = Console.Error;
        Console.SetError(TextWriter.Null);   // the audit may print diagnostics
        try { AuditReport.Run(DataDir).Write(AuditPath); }
        finally { Console.SetError(stderr); }

        // One real run (seed 7); seed 8 is made from it by hand: other test probabilities, its own metrics.
        ResultsDir = Path.Combine(Root, "results");
        var first = Trainer.Run(Tiny, new RunOptions
        {
            DataDirectory = DataDir,
            CacheDirectory = Path.Combine(Root, "cache"),
            OutputDirectory = ResultsDir,
            Runtime = TestRuntime.Options,
            Seed = 7,
        });
        RunFiles.Write(ResultsDir, first);
        var predictions = first.TestPredictions
            .Select((p, i) => p with { Probabilities = i % 2 == 0 ? p.Probabilities.Reverse().ToArray() : p.Probabilities })
            .ToList();
        var second = first with { Seed = 8, TestPredictions = predictions, Test = Metrics.Compute(predictions, new MetricOptions(200, 8)) };
        ResultFile.Write(Path.Combine(ResultsDir, ResultFile.FileName(Tiny.Name, 8)), second);
        Runs = new[] { first, second };

        // Other JSON in the results folder: must be passed over.
        File.WriteAllText(Path.Combine(ResultsDir, "notes.json"), "{ \"hello\": 1, \"preset\": \"not a run\" }");
        File.WriteAllText(Path.Combine(ResultsDir, "list.json"), "[1, 2, 3]");
        File.WriteAllText(Path.Combine(ResultsDir, "broken.json"), "{ not json");

        BenchmarksDir = Path.Combine(Root, "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(BenchmarksDir);
        File.WriteAllText(Path.Combine(BenchmarksDir, "Repro.Benchmarks.TrainStep-report-full.json"), BenchmarkJson);
    }

    public string Root { get; }
    public string DataDir { get; }
    public string AuditPath { get; }
    public string ResultsDir { get; }
    public string BenchmarksDir { get; }
    public IReadOnlyList<RunResult> Runs { get; }

    /// <summary>The shape of BenchmarkDotNet's JSON exporter (trimmed): one case with an images/s metric, one with OperationsPerInvoke only, and two as BenchmarkDotNet 0.15.8 really writes them (no custom columns: a Batch parameter, or images counted in the measurements' operations).</summary>
    public const string BenchmarkJson = """
    {
      "Title": "Repro.Benchmarks.TrainStep-20250101-000000",
      "HostEnvironmentInfo": { "BenchmarkDotNetVersion": "0.15.8" },
      "Benchmarks": [
        {
          "DisplayInfo": "TrainStep.Step: DefaultJob [Preset=q1-cnn-smoke, Batch=32]",
          "Namespace": "Repro.Benchmarks", "Type": "TrainStep", "Method": "Step", "MethodTitle": "Step",
          "Parameters": "Preset=q1-cnn-smoke&Batch=32",
          "FullName": "Repro.Benchmarks.TrainStep.Step(Preset: \"q1-cnn-smoke\", Batch: 32)",
          "Statistics": { "N": 15, "Min": 41000000, "Mean": 42500000.5, "Median": 42400000, "StandardDeviation": 812345.6 },
          "Memory": { "Gen0Collections": 0, "BytesAllocatedPerOperation": 204800 },
          "Measurements": [ { "IterationMode": "Workload", "IterationStage": "Result", "Operations": 1, "Nanoseconds": 42500000 } ],
          "Metrics": [ { "Value": 752.94, "Descriptor": { "Id": "ImagesPerSecond", "DisplayName": "Images/s", "Legend": "training images per second" } } ]
        },
        {
          "Namespace": "Repro.Benchmarks", "Type": "Decode", "Method": "Png", "Parameters": "",
          "FullName": "Repro.Benchmarks.Decode.Png",
          "Job": { "Run": { "OperationsPerInvoke": 64 } },
          "Statistics": { "Mean": 250000, "StandardDeviation": 1000 }
        },
        {
          "Namespace": "Repro.Benchmarks", "Type": "FastPathBenchmarks", "Method": "TrainingStep",
          "Parameters": "Batch=32&Device=cpu&Size=64&Config=flat", "FullName": "Repro.Benchmarks.FastPathBenchmarks.TrainingStep",
          "Statistics": { "Mean": 160000000, "StandardDeviation": 2000000 },
          "Measurements": [ { "IterationMode": "Workload", "IterationStage": "Result", "LaunchIndex": 0, "IterationIndex": 1, "Operations": 1, "Nanoseconds": 160000000 } ]
        },
        {
          "Namespace": "Repro.Benchmarks", "Type": "EpochBenchmarks", "Method": "TrainOneEpoch", "Parameters": "Device=cpu",
          "FullName": "Repro.Benchmarks.EpochBenchmarks.TrainOneEpoch",
          "Statistics": { "Mean": 6250000, "StandardDeviation": 0 },
          "Measurements": [ { "IterationMode": "Workload", "IterationStage": "Result", "LaunchIndex": 0, "IterationIndex": 1, "Operations": 2463, "Nanoseconds": 15393750000 } ]
        },
        { "Namespace": "Repro.Benchmarks", "Type": "Decode", "Method": "Failed", "FullName": "Repro.Benchmarks.Decode.Failed" }
      ]
    }
    """;
}
