namespace Repro.Reporting;

/// <summary>Runs of one experiment that differ only in their seed: same preset, settings and data.</summary>
/// <param name="Label">What the report calls the group (the preset, disambiguated when needed).</param>
/// <param name="Preset">Preset name.</param>
/// <param name="Runs">The runs, by seed.</param>
public sealed record RunGroup(string Label, string Preset, IReadOnlyList<LoadedRun> Runs)
{
    /// <summary>
    /// Groups <paramref name="runs"/> by preset, settings hash and data fingerprint, in order of first appearance. Groups
    /// that share a preset are told apart by their catalogue entry when each comes from one (e.g. <c>improved</c> and
    /// <c>improved (improved-harmonized)</c>), else by settings hash and data fingerprint.
    /// </summary>
    public static List<RunGroup> Of(IReadOnlyList<LoadedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var groups = runs.GroupBy(r => (r.Result.Preset, r.Result.SettingsHash, r.Result.Data.Fingerprint)).ToList();
        var ambiguous = groups.GroupBy(g => g.Key.Preset).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        // An ambiguous preset's groups are named by their entry when every group of that preset has one entry of its own.
        var byEntry = groups.Where(g => ambiguous.Contains(g.Key.Preset)).GroupBy(g => g.Key.Preset)
            .Where(p => p.All(g => g.Select(r => r.Experiment).Distinct().Count() == 1 && g.First().Experiment is not null)
                        && p.Select(g => g.First().Experiment).Distinct().Count() == p.Count())
            .Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return groups.Select(g =>
        {
            string? entry = g.First().Experiment;
            string label = !ambiguous.Contains(g.Key.Preset) ? g.Key.Preset
                : byEntry.Contains(g.Key.Preset) ? (entry == g.Key.Preset ? g.Key.Preset : $"{g.Key.Preset} ({entry})")
                : $"{g.Key.Preset} (settings {Short(g.Key.SettingsHash, 6)}, data {Short(g.Key.Fingerprint, 8)})";
            return new RunGroup(label, g.Key.Preset, g.OrderBy(r => r.Result.Seed).ToList());
        }).ToList();
    }

    private static string Short(string s, int n) => s.Length <= n ? s : s[..n];
}
