using System.Globalization;
using Repro.Evaluation;

namespace Repro.Reporting;

/// <summary>How the report writes numbers: invariant culture, three decimals for metrics, "—" for undefined.</summary>
public static class ReportFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The mark for an undefined value.</summary>
    public const string Missing = "—";

    /// <summary>A metric to three decimals, e.g. <c>0.333</c>.</summary>
    public static string Metric(double? value) => value is double v && !double.IsNaN(v) ? v.ToString("0.000", Inv) : Missing;

    /// <summary>A number with <paramref name="decimals"/> decimals.</summary>
    public static string Number(double? value, int decimals) =>
        value is double v && !double.IsNaN(v) ? v.ToString("F" + decimals.ToString(Inv), Inv) : Missing;

    /// <summary>An interval as <c>[0.210, 0.450]</c>; empty when null.</summary>
    public static string Interval(ConfidenceInterval? ci) =>
        ci is null ? "" : $"[{Metric(ci.Lower)}, {Metric(ci.Upper)}]";

    /// <summary>A value with its interval, e.g. <c>0.333 [0.210, 0.450]</c>.</summary>
    public static string WithInterval(double? value, ConfidenceInterval? ci) =>
        ci is null ? Metric(value) : $"{Metric(value)} {Interval(ci)}";

    /// <summary>A count with thousands separators, e.g. <c>1,636,611</c>.</summary>
    public static string Count(long value) => value.ToString("N0", Inv);

    /// <summary>Mean ± sd (sd omitted for a single value).</summary>
    public static string MeanSd(SummaryStatistics s) =>
        s.Sd is double sd ? $"{Metric(s.Mean)} ± {Metric(sd)}" : Metric(s.Mean);

    /// <summary>Text safe inside a markdown table cell (pipes escaped, newlines removed).</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
