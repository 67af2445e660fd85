using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Repro.Benchmarks;

/// <summary>
/// The suite's configuration: every job in-process (a mutator job sets the toolchain on the default job
/// and on the Monitoring jobs that classes declare), a short default job (1 warmup, 3 iterations, one
/// invocation per iteration: every CPU operation takes ≥ 50 ms; with <c>--device cuda</c>, where a step takes
/// milliseconds, 2 warmups and 5 iterations of 20 invocations), GitHub markdown and full JSON exports, and
/// the Images/s column.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    /// <summary>Builds the configuration.</summary>
    public BenchConfig()
    {
        // In-process: no generated project, so no SDK is needed (self-contained publish on the GPU host) and the
        // libLibTorchSharp.so next to this executable — the one the GLIBCXX build step patched — is the one loaded.
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .AsMutator());
        bool gpuOnly = BenchSettings.DeviceFilter == "cuda";
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(gpuOnly ? 2 : 1)
            .WithIterationCount(gpuOnly ? 5 : 3)
            .WithInvocationCount(gpuOnly ? 20 : 1)
            .WithUnrollFactor(1)
            .WithId(gpuOnly ? "Gpu" : "Short")
            .AsDefault());
        AddLogger(ConsoleLogger.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(new ImagesPerSecondColumn());
        AddExporter(MarkdownExporter.GitHub, JsonExporter.Full);
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        ArtifactsPath = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        WithOptions(ConfigOptions.JoinSummary);
    }
}
