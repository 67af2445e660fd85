namespace Repro.Data.Audit;

/// <summary>One class of one split: how many images, from how many patients, and what the files are like.</summary>
/// <param name="Class">Class name (normal, benign, cancer).</param>
/// <param name="Label">Class label (0 Normal, 1 Benign, 2 Cancer).</param>
/// <param name="Folders">Folder name(s) on disk (the MTH416 test split calls cancer "malignant").</param>
/// <param name="Count">Readable images.</param>
/// <param name="Percent">Share of the split's images, percent.</param>
/// <param name="Patients">Distinct patient/case ids.</param>
/// <param name="Sizes">Images per "W×H".</param>
/// <param name="Modes">Images per stored pixel mode (L, RGB, …).</param>
/// <param name="Formats">Images per file format.</param>
/// <param name="FileBytes">File size statistics, bytes.</param>
/// <param name="MeanIntensity">Statistics of the per-image mean grey level (0…1).</param>
/// <param name="JpegQuality">Statistics of the estimated JPEG quality (JPEG files only).</param>
public sealed record ClassAudit(string Class, int Label, IReadOnlyList<string> Folders, int Count, double Percent, int Patients,
    IReadOnlyDictionary<string, int> Sizes, IReadOnlyDictionary<string, int> Modes, IReadOnlyDictionary<string, int> Formats,
    NumberSummary? FileBytes, NumberSummary? MeanIntensity, NumberSummary? JpegQuality);
