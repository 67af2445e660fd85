using System.Text.Json.Nodes;
using Repro.Results;
using Repro.Training.Presets;

namespace Repro.Experiments;

/// <summary>
/// A run made outside the tests (<c>repro reproduce</c> on the vendored MTH416 images) set beside the catalogue entry
/// that makes the same run: same settings hash, seed and data, on a CPU. Its verified snapshot is what
/// <c>dotnet test</c> re-derives, so a run that equals it is the reported number, re-made.
/// </summary>
public static class CatalogueMatch
{
    /// <summary>What the catalogue says about one run.</summary>
    /// <param name="Entry">The catalogue entry whose single run this is.</param>
    /// <param name="SnapshotFile">Its verified snapshot, relative to the repository root.</param>
    /// <param name="Verified">The verified snapshot exists (the entry's tier has accepted it).</param>
    /// <param name="Equal">The run's snapshot JSON equals the verified file, byte for byte.</param>
    /// <param name="VerifiedTestBalancedAccuracy">Test balanced accuracy in the verified file; null when there is none.</param>
    public sealed record Outcome(Experiment Entry, string SnapshotFile, bool Verified, bool Equal, double? VerifiedTestBalancedAccuracy);

    /// <summary>The single-run MTH416 entry (cpu or long tier) that runs <paramref name="preset"/> with <paramref name="seed"/>; null when none does.</summary>
    public static Experiment? EntryFor(Preset preset, long seed)
    {
        ArgumentNullException.ThrowIfNull(preset);
        string hash = PresetHash.Of(preset);
        return ExperimentCatalogue.All.FirstOrDefault(e =>
            e.Tier != ExperimentTier.Gpu && !e.Audit && e.Data == ExperimentData.Mth416 && e.Runs.Count == 1
            && e.Runs[0].Seed == seed && PresetHash.Of(e.Runs[0].Preset) == hash);
    }

    /// <summary>
    /// <paramref name="result"/> (a CPU run on the vendored MTH416 images) against its entry's verified snapshot under
    /// <paramref name="snapshotsDirectory"/>; null when no entry makes this run or it ran on another device.
    /// </summary>
    public static Outcome? Check(RunResult result, Preset preset, string snapshotsDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Device.StartsWith("cpu", StringComparison.Ordinal)) return null;
        var entry = EntryFor(preset, result.Seed);
        if (entry is null) return null;
        var (stem, extension) = entry.SnapshotFiles().First();
        string file = $"{stem}.verified.{extension}";
        string path = Path.Combine(snapshotsDirectory, file);
        string relative = Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(snapshotsDirectory)), file);
        if (!File.Exists(path)) return new Outcome(entry, relative, false, false, null);
        string verified = File.ReadAllText(path).ReplaceLineEndings("\n");
        double? ba;
        try { ba = JsonNode.Parse(verified)?["test"]?["balanced_accuracy"]?.GetValue<double>(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            ba = null; // a damaged verified file: the run cannot equal it, and the line says so without a figure
        }
        return new Outcome(entry, relative, true, verified.TrimEnd() == RunSnapshot.Json(result).ReplaceLineEndings("\n").TrimEnd(), ba);
    }
}
