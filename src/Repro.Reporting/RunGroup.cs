namespace Repro.Reporting;

/// <summary>Runs of one experiment that differ only in their seed: same preset, settings and data.</summary>
/// <param name="Label">What the report calls the group (the preset, disambiguated when needed).</param>
/// <param name="Preset">Preset name.</param>
/// <param name="Runs">The runs, by seed.</param>
public sealed record RunGroup(string Label, string Preset, IReadOnlyList<LoadedRun> Runs)
{
    /// <summary>Groups <paramref name="runs"/> by preset, settings hash and data fingerprint, in order of first appearance.</summary>
    public static List<RunGroup> Of(IReadOnlyList<LoadedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var groups = runs.GroupBy(r => (r.Result.Preset, r.Result.SettingsHash, r.Result.Data.Fingerprint)).ToList();
        var ambiguous = groups.GroupBy(g => g.Key.Preset).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return groups.Select(g =>
        {
            string label = ambiguous.Contains(g.Key.Preset)
                ? $"{g.Key.Preset} (settings {Short(g.Key.SettingsHash, 6)}, data {Short(g.Key.Fingerprint, 8)})"
                : g.Key.Preset;
            return new RunGroup(label, g.Key.Preset, g.OrderBy(r => r.Result.Seed).ToList());
        }).ToList();
    }

    private static string Short(string s, int n) => s.Length <= n ? s : s[..n];
}
