using System.Text.Json.Nodes;
using Repro.IO;
using Repro.Results;

namespace Repro.Experiments;

/// <summary>
/// The snapshot of a cross-validation entry: the whole <see cref="CrossValidationResult"/> as canonical JSON
/// (<see cref="CanonicalJson"/>: preset, settings hash, seed, folds, per fold assignment its fold seed, each fold's run in
/// brief and the pooled out-of-fold metrics with patient-bootstrap intervals, lesion block included) with the data
/// named by its folder, not the machine's path; no timings (a CV result holds none). The pooled out-of-fold predictions
/// are a CSV of their own, in <see cref="RunSnapshot.PredictionsCsv(IReadOnlyList{Evaluation.Prediction})"/>'s format.
/// </summary>
public static class CrossValidationSnapshot
{
    /// <summary>The snapshot JSON of <paramref name="cv"/>.</summary>
    public static string Json(CrossValidationResult cv)
    {
        ArgumentNullException.ThrowIfNull(cv);
        var node = JsonNode.Parse(ReproJson.Serialize(cv with { DataSource = RunSnapshot.SourceName(cv.DataSource) }));
        return CanonicalJson.Format(node);
    }

    /// <summary>The pooled out-of-fold predictions of <paramref name="cv"/> (every repeat's, in order) as the predictions CSV.</summary>
    public static string OutOfFoldCsv(CrossValidationResult cv)
    {
        ArgumentNullException.ThrowIfNull(cv);
        return RunSnapshot.PredictionsCsv(cv.Repeats.SelectMany(r => r.OutOfFold).ToList());
    }

    /// <summary>A cross-validation result read back from its snapshot JSON (<paramref name="source"/> names it in errors).</summary>
    public static CrossValidationResult Read(string json, string source) => ReproJson.Deserialize<CrossValidationResult>(json, source);
}
