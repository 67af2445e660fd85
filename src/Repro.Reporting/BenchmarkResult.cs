namespace Repro.Reporting;

/// <summary>One benchmark case from a BenchmarkDotNet JSON export.</summary>
/// <param name="File">Export file it came from (name only).</param>
/// <param name="Type">Benchmark class.</param>
/// <param name="Method">Benchmark method.</param>
/// <param name="Parameters">Parameter values, e.g. <c>Preset=q1-cnn&amp;Batch=32</c> (empty when none).</param>
/// <param name="FullName">BenchmarkDotNet's full name of the case.</param>
/// <param name="MeanNanoseconds">Mean time per operation (ns).</param>
/// <param name="StdDevNanoseconds">Standard deviation per operation (ns); null when not exported.</param>
/// <param name="ImagesPerSecond">Images per second: an exported images/s metric, else 1e9 / mean when the case sets
/// <c>OperationsPerInvoke</c> (the benchmarks' convention: one operation = one image); null when unknown.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per operation; null when not exported.</param>
public sealed record BenchmarkResult(string File, string Type, string Method, string Parameters, string FullName,
    double MeanNanoseconds, double? StdDevNanoseconds, double? ImagesPerSecond, double? AllocatedBytes)
{
    /// <summary>Operations per second (1e9 / mean).</summary>
    public double OperationsPerSecond => MeanNanoseconds > 0 ? 1e9 / MeanNanoseconds : double.NaN;
}
