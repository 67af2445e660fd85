using System.Text.Json.Serialization;

namespace Repro.Training.Losses;

/// <summary>Which loss a run trains with (a preset's <c>loss.kind</c>).</summary>
public enum LossKind
{
    /// <summary>Cross-entropy (<see cref="CrossEntropy"/>), unweighted.</summary>
    [JsonStringEnumMemberName("ce")] Ce,
    /// <summary>Cross-entropy with class weights (inverse frequency unless given).</summary>
    [JsonStringEnumMemberName("weighted-ce")] WeightedCe,
    /// <summary>Focal loss (<see cref="FocalLoss"/>).</summary>
    [JsonStringEnumMemberName("focal")] Focal,
}
