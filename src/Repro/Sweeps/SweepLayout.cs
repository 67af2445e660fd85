using System.Globalization;
using Repro.Results;
using Repro.Training.Presets;

namespace Repro.Sweeps;

/// <summary>
/// Where a sweep's files go, relative to its folder. The one place a sweep names result files: it uses
/// <see cref="ResultFile.FileName"/> inside a folder per preset, settings hash and fold, so two entries with
/// other settings never share a file.
/// </summary>
public static class SweepLayout
{
    /// <summary>Folder of failure records (<c>failed/ENTRY.json</c>).</summary>
    public const string FailedFolder = "failed";
    /// <summary>Folder of per-task logs written by the engines.</summary>
    public const string LogsFolder = "logs";

    /// <summary>The run folder of one preset and settings hash (and, for a cross-validation fold, the fold count,
    /// fold seed and 1-based fold number, as <c>repro cv</c> names its folds).</summary>
    public static string RunFolder(string preset, string settingsHash, Data.FoldSpec? fold) =>
        $"runs/{preset}-{settingsHash}" + (fold is { } f ? string.Create(CultureInfo.InvariantCulture, $"-k{f.Folds}-foldseed{f.Seed}-fold{f.Index + 1}") : "");

    /// <summary>The result file of one run of the resolved <paramref name="preset"/>, inside its run folder: named as the
    /// run names it (<see cref="ResultFile.FileName"/>), so what the run writes is where the plan looks.</summary>
    public static string ResultPath(string runFolder, Preset preset, long seed) => $"{runFolder}/{ResultFile.FileName(preset.Name, seed)}";

    /// <summary>The failure record of entry <paramref name="index"/>.</summary>
    public static string FailurePath(int index) => $"{FailedFolder}/{index}.json";

    /// <summary>A plan-relative path (forward slashes) made absolute under <paramref name="sweepDirectory"/>.</summary>
    public static string Resolve(string sweepDirectory, string relative) =>
        Path.GetFullPath(Path.Combine(sweepDirectory, relative.Replace('/', Path.DirectorySeparatorChar)));
}
