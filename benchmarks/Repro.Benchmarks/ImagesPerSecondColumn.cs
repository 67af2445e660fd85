using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Repro.Benchmarks;

/// <summary>
/// Images per second from the mean time per operation. A benchmark whose
/// <c>OperationsPerInvoke</c> is the number of images it processes (decode, epoch) has one image per
/// operation; a benchmark of one batch per invocation (<c>OperationsPerInvoke</c> can only be a
/// constant, so it stays 1 there) has <c>Batch</c> images per operation, read from its <c>Batch</c>
/// parameter. Anything else (a whole protocol run) shows "-".
/// </summary>
public sealed class ImagesPerSecondColumn : IColumn
{
    /// <summary>The name of the parameter that holds the batch size.</summary>
    public const string BatchParameter = "Batch";

    /// <inheritdoc />
    public string Id => nameof(ImagesPerSecondColumn);
    /// <inheritdoc />
    public string ColumnName => "Images/s";
    /// <inheritdoc />
    public bool AlwaysShow => true;
    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;
    /// <inheritdoc />
    public int PriorityInCategory => 0;
    /// <inheritdoc />
    public bool IsNumeric => true;
    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;
    /// <inheritdoc />
    public string Legend => "Images processed per second: images per operation / mean time per operation " +
                            "(images per operation = 1 when OperationsPerInvoke counts images, else the Batch parameter)";

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? perOp = ImagesPerOperation(benchmarkCase);
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (perOp is null || stats is null || stats.Mean <= 0) return "-";
        return Compute(perOp.Value, stats.Mean).ToString("N1", CultureInfo.InvariantCulture);
    }

    /// <summary>Images per second for <paramref name="imagesPerOperation"/> images in <paramref name="meanNanoseconds"/>.</summary>
    public static double Compute(double imagesPerOperation, double meanNanoseconds) => imagesPerOperation * 1e9 / meanNanoseconds;

    /// <summary>Images per operation of <paramref name="benchmarkCase"/>, or null when it does not count images.</summary>
    public static double? ImagesPerOperation(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.OperationsPerInvoke > 1) return 1;
        var batch = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == BatchParameter);
        return batch?.Value is int b ? b : null;
    }

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
