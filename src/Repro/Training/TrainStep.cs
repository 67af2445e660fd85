using Repro.Training.Optim;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// The update half of a training step, shared by the trainer's <see cref="FitLoop"/> and the benchmarks' model step
/// (so what the benchmarks time is what a run does): zero the gradients, back-propagate the loss, clip the global
/// gradient norm (when <c>grad_clip_norm</c> &gt; 0) and step the optimizer.
/// </summary>
internal static class TrainStep
{
    /// <summary>Updates the parameters from <paramref name="loss"/>; <paramref name="afterBackward"/> runs between the
    /// backward pass and the clip (the benchmarks' phase clock).</summary>
    public static void Update(IOptimizer optimizer, Tensor loss, double clipNorm, Action? afterBackward = null)
    {
        optimizer.ZeroGrad();
        loss.backward();
        afterBackward?.Invoke();
        if (clipNorm > 0) optimizer.ClipGradNorm(clipNorm);
        optimizer.Step();
    }
}
