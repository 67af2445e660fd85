using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Optim;

/// <summary>
/// PyTorch's <c>clip_grad_norm_</c>: the global 2-norm over all gradients; every gradient is scaled by
/// <c>min(1, max_norm / (norm + 1e-6))</c>.
/// </summary>
public static class GradientClipping
{
    /// <summary>Clips in place; returns the norm before clipping as a 0-d tensor on the gradients' device (no wait for the device).</summary>
    public static Tensor ClipGlobalNormTensor(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var scope = NewDisposeScope(); // holds the gradient wrappers until the scaling is done
        var grads = parameters.Select(p => p.grad).Where(g => g is not null).Cast<Tensor>().ToList();
        return ClipTensors(grads, maxNorm).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Clips <paramref name="grads"/> in place by their global 2-norm (the norm of the per-tensor norms, as
    /// <c>clip_grad_norm_</c>; a lone tensor's own norm); returns that norm, a 0-d tensor (zero when there are none).
    /// Shared by the per-tensor path and <see cref="FlatAdamW"/>'s whole buffers.
    /// </summary>
    internal static Tensor ClipTensors(IReadOnlyList<Tensor> grads, double maxNorm)
    {
        if (grads.Count == 0) return zeros(Array.Empty<long>());
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var total = grads.Count == 1
            ? linalg.vector_norm(grads[0], 2)
            : linalg.vector_norm(stack(grads.Select(g => linalg.vector_norm(g, 2)).ToArray()), 2);
        using var coef = (maxNorm / (total + 1e-6)).clamp_max(1.0);
        foreach (var g in grads) g.mul_(coef);
        return total.MoveToOuterDisposeScope();
    }
}
