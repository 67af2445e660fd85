namespace Repro.Experiments;

/// <summary>One row of the ablation table.</summary>
/// <param name="Variant">Which defects are off (<c>study</c>: none).</param>
/// <param name="Preset">The variant's preset name.</param>
/// <param name="ValBalancedAccuracy">Validation balanced accuracy.</param>
/// <param name="TestBalancedAccuracy">Test balanced accuracy.</param>
/// <param name="TestBalancedAccuracyChange">Test balanced accuracy minus the first variant's (all defects on).</param>
/// <param name="TestRecall">Test recall per class: normal, benign, cancer.</param>
public sealed record AblationRow(string Variant, string Preset, double ValBalancedAccuracy, double TestBalancedAccuracy,
    double TestBalancedAccuracyChange, IReadOnlyList<double> TestRecall);
