using Repro.Data;
using Repro.Models;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// The one way a model is run over many images without training: eval mode, no gradients, fixed-size batches in
/// order, each batch's tensors in a dispose scope of its own. The run's evaluation, the feature cache and the
/// predictor all go through it, so they batch, and therefore compute, alike.
/// </summary>
internal static class BatchPrediction
{
    /// <summary>
    /// Calls <paramref name="forward"/>(start, count) for consecutive batches of <paramref name="batchSize"/> over
    /// <paramref name="total"/> items and hands each output to <paramref name="collect"/>(start, count, output) inside
    /// the batch's scope (move a tensor out with <c>MoveToOuterDisposeScope</c> to keep it).
    /// </summary>
    public static void Run(ReproModel model, int total, int batchSize, Func<int, int, Tensor> forward, Action<int, int, Tensor> collect)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "a batch holds at least one image");
        model.SetMode(false);
        using var noGrad = no_grad();
        for (int start = 0; start < total; start += batchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(batchSize, total - start);
            collect(start, count, forward(start, count));
        }
    }

    /// <summary>Softmax probabilities in float64 on the host, row-major <c>[B, classes]</c>, of a batch of (float32) logits.</summary>
    public static double[] Probabilities(Tensor logits) =>
        nn.functional.softmax(logits.to(ScalarType.Float64), 1).cpu().data<double>().ToArray();

    /// <summary>Row <paramref name="i"/> of <see cref="Probabilities"/>' output.</summary>
    public static double[] Row(double[] probabilities, int i) =>
        probabilities.AsSpan(i * ClassLabels.Count, ClassLabels.Count).ToArray();
}
