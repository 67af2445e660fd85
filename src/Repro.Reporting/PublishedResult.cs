namespace Repro.Reporting;

/// <summary>A figure the study's final report published for one protocol.</summary>
/// <param name="Protocol">Preset name of the protocol (q1-cnn, q2-resnet).</param>
/// <param name="Description">What the protocol is.</param>
/// <param name="Parameters">Total parameters.</param>
/// <param name="Trainable">Trainable parameters.</param>
/// <param name="BalancedAccuracy">Test balanced accuracy.</param>
public sealed record PublishedResult(string Protocol, string Description, long Parameters, long Trainable, double BalancedAccuracy)
{
    /// <summary>Where the published figures come from.</summary>
    public const string Source = "MTH416 final report (2025-05-29)";

    /// <summary>The MTH416 final report's figures (2025-05-29): Q1 custom CNN and Q2 ResNet18 transfer.</summary>
    public static IReadOnlyList<PublishedResult> Study { get; } = new[]
    {
        new PublishedResult("q1-cnn", "Q1: custom CNN from scratch", 1_636_611, 1_636_611, 0.333),
        new PublishedResult("q2-resnet", "Q2: ResNet18 transfer, frozen backbone", 11_242_563, 66_051, 0.328),
    };

    /// <summary>The published figure for <paramref name="preset"/> (a <c>-smoke</c> variant maps to its protocol); null when none.</summary>
    public static PublishedResult? For(string preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        string key = preset.Replace("-smoke", "", StringComparison.Ordinal);
        return Study.FirstOrDefault(p => p.Protocol == key);
    }
}
