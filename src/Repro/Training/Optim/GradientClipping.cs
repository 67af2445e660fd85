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
    /// <summary>Clips in place; returns the norm before clipping.</summary>
    public static double ClipGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var total = ClipGlobalNormTensor(parameters, maxNorm);
        return total.item<float>();
    }

    /// <summary>Clips in place; returns the norm before clipping as a 0-d tensor on the gradients' device (no wait for the device).</summary>
    public static Tensor ClipGlobalNormTensor(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var scope = NewDisposeScope(); // holds the gradient wrappers until the scaling is done
        var grads = parameters.Select(p => p.grad).Where(g => g is not null).Cast<Tensor>().ToList();
        if (grads.Count == 0) return zeros(Array.Empty<long>()).MoveToOuterDisposeScope();
        using var noGrad = no_grad();
        var norms = stack(grads.Select(g => linalg.vector_norm(g, 2)).ToArray());
        var total = linalg.vector_norm(norms, 2);
        Scale(grads, total, maxNorm);
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>Multiplies every tensor in <paramref name="grads"/> by <c>min(1, max/(total + 1e-6))</c>.</summary>
    internal static void Scale(IEnumerable<Tensor> grads, Tensor total, double maxNorm)
    {
        using var coef = (maxNorm / (total + 1e-6)).clamp_max(1.0);
        foreach (var g in grads) g.mul_(coef);
    }
}
