using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training.Losses;

/// <summary>
/// Cross-entropy with optional class weights and label smoothing, as PyTorch's
/// <c>F.cross_entropy(weight=w, label_smoothing=ε)</c> with mean reduction:
/// per sample <c>(1−ε)·w[y]·(−log p_y) + ε/C·Σ_c w[c]·(−log p_c)</c>, divided by <c>Σ_i w[y_i]</c>
/// (by <c>B</c> without weights). With soft targets <c>q</c>: <c>−Σ_c w[c]·q_c·log p_c</c> averaged over the batch.
/// </summary>
/// <param name="ClassWeights">Per-class weights, or null for none.</param>
/// <param name="LabelSmoothing">ε in [0,1).</param>
public sealed record CrossEntropy(IReadOnlyList<double>? ClassWeights = null, double LabelSmoothing = 0) : ILossFunction
{
    /// <inheritdoc />
    public Tensor Compute(Tensor logits, Tensor targets)
    {
        if (LabelSmoothing is < 0 or >= 1) throw new ArgumentException($"label smoothing {LabelSmoothing} is outside [0,1)");
        using var scope = NewDisposeScope();
        long classes = logits.shape[1];
        var logp = nn.functional.log_softmax(logits, 1);
        var w = ClassWeights is null
            ? ones(classes, dtype: logits.dtype, device: logits.device)
            : tensor(ClassWeights.Select(x => (float)x).ToArray(), device: logits.device).to(logits.dtype);
        if (w.shape[0] != classes) throw new ArgumentException($"{w.shape[0]} class weights for {classes} classes");
        Tensor result;
        if (targets.dtype == ScalarType.Int64)
        {
            var nll = -logp.gather(1, targets.unsqueeze(1)).squeeze(1);      // −log p_y
            var wy = w.index_select(0, targets);                                // w[y]
            var perSample = (1 - LabelSmoothing) * wy * nll;
            if (LabelSmoothing > 0)
                perSample = perSample + LabelSmoothing / classes * (-(logp * w)).sum(1);
            result = ClassWeights is null ? perSample.mean() : perSample.sum() / wy.sum();
        }
        else
        {
            var q = SoftTargets.Of(targets, classes, logits.dtype);
            if (LabelSmoothing > 0) q = (1 - LabelSmoothing) * q + LabelSmoothing / classes;
            result = (-(q * logp * w)).sum(1).mean();
        }
        return result.MoveToOuterDisposeScope();
    }
}
