using System.Globalization;
using Repro.Evaluation;

namespace Repro.Cli;

/// <summary>How the CLI prints an interval: one routine for every verb's tables.</summary>
internal static class CliFormat
{
    /// <summary><c>[lower, upper]</c> at <paramref name="format"/> (e.g. <c>F3</c>), or "" when there is no interval.</summary>
    public static string Ci(ConfidenceInterval? ci, string format = "F3", string separator = ", ") => ci is null
        ? ""
        : "[" + ci.Lower.ToString(format, CultureInfo.InvariantCulture) + separator + ci.Upper.ToString(format, CultureInfo.InvariantCulture) + "]";

    /// <summary>" [lower, upper]" of the metric <paramref name="key"/> (a space first, to follow a value), or "".</summary>
    public static string AfterValue(IReadOnlyDictionary<string, ConfidenceInterval>? intervals, string key, string format = "F3", string separator = ", ") =>
        intervals is not null && intervals.TryGetValue(key, out var ci) ? " " + Ci(ci, format, separator) : "";
}
