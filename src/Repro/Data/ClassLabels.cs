namespace Repro.Data;

/// <summary>The study's three classes, in the order used everywhere: 0 Normal, 1 Benign, 2 Cancer.</summary>
public static class ClassLabels
{
    /// <summary>Label of normal images.</summary>
    public const int Normal = 0;
    /// <summary>Label of benign-mass images.</summary>
    public const int Benign = 1;
    /// <summary>Label of cancer (malignant) images.</summary>
    public const int Cancer = 2;
    /// <summary>Number of classes.</summary>
    public const int Count = 3;

    /// <summary>Lower-case names in label order: normal, benign, cancer.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "normal", "benign", "cancer" };

    /// <summary>Display names in label order: Normal, Benign, Cancer.</summary>
    public static IReadOnlyList<string> DisplayNames { get; } = new[] { "Normal", "Benign", "Cancer" };

    /// <summary>
    /// The label of a class folder or CSV label, case-insensitive; <c>malignant</c> means cancer
    /// (the MTH416 test split names its cancer folder so). Null when the name is not a class.
    /// </summary>
    public static int? FromName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "normal" => Normal,
        "benign" => Benign,
        "cancer" or "malignant" => Cancer,
        _ => null,
    };
}
