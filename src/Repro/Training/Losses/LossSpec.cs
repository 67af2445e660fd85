using Repro.IO;

namespace Repro.Training.Losses;

/// <summary>Which loss a preset trains with.</summary>
/// <param name="Kind"><c>ce</c>, <c>weighted-ce</c> (weights 1/count per class, normalised to mean 1, or <see cref="Weights"/>), or <c>focal</c> (<see cref="LossKind"/>).</param>
/// <param name="Weights">Class weights for weighted CE, or α for focal; null = the default of the kind.</param>
/// <param name="Gamma">Focal γ.</param>
/// <param name="LabelSmoothing">CE label smoothing ε.</param>
public sealed record LossSpec(LossKind Kind = LossKind.Focal, IReadOnlyList<double>? Weights = null, double Gamma = 2.0, double LabelSmoothing = 0)
{
    /// <summary>Builds the loss; <paramref name="trainClassCounts"/> gives inverse-frequency weights where needed.</summary>
    public ILossFunction Create(IReadOnlyList<int> trainClassCounts) => Kind switch
    {
        LossKind.Ce => new CrossEntropy(null, LabelSmoothing),
        LossKind.WeightedCe => new CrossEntropy(Weights ?? InverseFrequency(trainClassCounts), LabelSmoothing),
        LossKind.Focal => new FocalLoss(Weights ?? FocalLoss.StudyAlpha, Gamma),
        _ => throw new ArgumentException($"loss kind '{Kind}' is not known: use {ReproJson.Names<LossKind>()}"),
    };

    /// <summary>1/count per class, scaled so the weights average 1.</summary>
    public static double[] InverseFrequency(IReadOnlyList<int> counts)
    {
        var inv = counts.Select(c => c > 0 ? 1.0 / c : 0.0).ToArray();
        double mean = inv.Average();
        return inv.Select(v => v / mean).ToArray();
    }
}
