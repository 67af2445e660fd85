using System.Globalization;
using System.Text;

namespace Repro.Reporting;

/// <summary>Throughput: each run's stage times and training images/s, and the BenchmarkDotNet cases.</summary>
internal static class ThroughputSection
{
    public static void Write(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("## 5. Throughput\n\n");
        if (ctx.Experiments is not null)
            sb.Append("Snapshots hold no wall times (they differ between machines and runs); the measured speeds are BenchmarkDotNet's, below.\n\n");
        else
            WriteRunTimes(sb, ctx);

        WriteBenchmarks(sb, ctx);
    }

    private static void WriteRunTimes(StringBuilder sb, ReportContext ctx)
    {
        sb.Append("Wall times of each run (seconds) and its training throughput over all epochs (including per-epoch validation).\n\n");
        var runs = new MarkdownTable("run", "device", ">epochs", ">decode s", ">features s", ">train s", ">eval s", ">total s", ">train images/s");
        foreach (var run in ctx.Runs)
        {
            var t = run.Result.Timings;
            runs.Add($"[{run.Label}](#{ReportContext.Anchor(run)})", run.Result.Device, run.Result.EpochsRun.ToString(CultureInfo.InvariantCulture),
                ReportFormat.Number(t.DecodeSeconds, 1), ReportFormat.Number(t.FeatureSeconds, 1), ReportFormat.Number(t.TrainSeconds, 1),
                ReportFormat.Number(t.EvalSeconds, 1), ReportFormat.Number(t.TotalSeconds, 1), ReportFormat.Number(t.TrainImagesPerSecond, 1));
        }
        runs.WriteTo(sb);
    }

    private static void WriteBenchmarks(StringBuilder sb, ReportContext ctx)
    {
        if (ctx.Benchmarks.Count == 0)
        {
            sb.Append(ctx.BenchmarksSource is null
                ? "No BenchmarkDotNet results given.\n\n"
                : $"No BenchmarkDotNet JSON exports under `{ctx.BenchmarksSource}` (run the benchmarks with the JSON exporter, e.g. `--exporters json`).\n\n");
            return;
        }
        sb.Append($"BenchmarkDotNet (`{ctx.BenchmarksSource}`): mean time per operation; images/s from the case's images/s metric, " +
                  "or 1e9 / mean when the case sets OperationsPerInvoke to its images.\n\n");
        var bench = new MarkdownTable("benchmark", "parameters", ">mean", ">sd", ">ops/s", ">images/s", ">allocated/op");
        foreach (var b in ctx.Benchmarks)
            bench.Add($"{b.Type}.{b.Method}", b.Parameters, Time(b.MeanNanoseconds), b.StdDevNanoseconds is double sd ? Time(sd) : ReportFormat.Missing,
                ReportFormat.Number(b.OperationsPerSecond, 1), ReportFormat.Number(b.ImagesPerSecond, 1),
                b.AllocatedBytes is double a ? Bytes(a) : ReportFormat.Missing);
        bench.WriteTo(sb);
    }

    /// <summary>A duration in nanoseconds with a readable unit.</summary>
    internal static string Time(double ns) => ns switch
    {
        >= 1e9 => ReportFormat.Number(ns / 1e9, 3) + " s",
        >= 1e6 => ReportFormat.Number(ns / 1e6, 3) + " ms",
        >= 1e3 => ReportFormat.Number(ns / 1e3, 3) + " µs",
        _ => ReportFormat.Number(ns, 1) + " ns",
    };

    private static string Bytes(double b) => b switch
    {
        >= 1 << 30 => ReportFormat.Number(b / (1 << 30), 2) + " GiB",
        >= 1 << 20 => ReportFormat.Number(b / (1 << 20), 2) + " MiB",
        >= 1 << 10 => ReportFormat.Number(b / (1 << 10), 2) + " KiB",
        _ => ReportFormat.Number(b, 0) + " B",
    };
}
