using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training.Losses;

/// <summary>
/// The study's BalancedFocalLoss: per sample <c>α[y]·(1 − p_t)^γ·CE</c> with <c>CE = −log p_y</c> and
/// <c>p_t = exp(−CE)</c>, mean over the batch (not divided by Σα). With soft targets, CE is
/// <c>−Σ q·log p</c> and α is <c>Σ q·α</c>. The study used α = [0.2, 3, 6], γ = 2.
/// </summary>
/// <param name="Alpha">Per-class α.</param>
/// <param name="Gamma">Focusing exponent γ ≥ 0.</param>
public sealed record FocalLoss(IReadOnlyList<double> Alpha, double Gamma = 2.0) : ILossFunction
{
    /// <summary>The study's α = [0.2, 3.0, 6.0].</summary>
    public static IReadOnlyList<double> StudyAlpha { get; } = new[] { 0.2, 3.0, 6.0 };

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        long classes = logits.shape[1];
        if (Alpha.Count != classes) throw new ArgumentException($"{Alpha.Count} focal alphas for {classes} classes");
        var logp = nn.functional.log_softmax(logits, 1);
        var q = SoftTargets.Of(targets, classes, logits.dtype);
        var alpha = tensor(Alpha.Select(a => (float)a).ToArray(), device: logits.device).to(logits.dtype);
        var ce = -(q * logp).sum(1);
        var pt = exp(-ce);
        var a = (q * alpha).sum(1);
        var loss = (a * (1 - pt).pow(Gamma) * ce).mean();
        return loss.MoveToOuterDisposeScope();
    }
}
