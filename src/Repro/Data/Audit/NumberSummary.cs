namespace Repro.Data.Audit;

/// <summary>Minimum, median, mean and maximum of a set of numbers.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Median">Median (mean of the two middle values for an even count).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Max">Largest value.</param>
public sealed record NumberSummary(double Min, double Median, double Mean, double Max)
{
    /// <summary>The summary of <paramref name="values"/>; null when there are none.</summary>
    public static NumberSummary? Of(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0) return null;
        double median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        return new NumberSummary(v[0], median, v.Average(), v[^1]);
    }
}
