using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Optim;

/// <summary>
/// What the trainer asks of an optimizer: zero the gradients, clip them by their global norm, take a
/// step, follow a scheduler's learning rates, take in a group unfrozen mid-run, and hand its state to a
/// checkpoint and back. <see cref="AdamW"/> works parameter by parameter (PyTorch's single-tensor
/// loop); <see cref="FlatAdamW"/> does the same arithmetic on a few whole buffers.
/// </summary>
public interface IOptimizer : IDisposable
{
    /// <summary>The groups, in order.</summary>
    IReadOnlyList<ParamGroup> Groups { get; }

    /// <summary>Every trainable parameter, group by group (the order of <see cref="Moments"/>).</summary>
    IEnumerable<Parameter> Parameters { get; }

    /// <summary>Steps taken.</summary>
    long Steps { get; }

    /// <summary>Current learning rate of each group.</summary>
    IReadOnlyList<double> LearningRates { get; }

    /// <summary>Sets every group's learning rate.</summary>
    void SetLearningRates(IReadOnlyList<double> lrs);

    /// <summary>Adds a group (a backbone stage unfrozen mid-run).</summary>
    void AddGroup(ParamGroup group);

    /// <summary>Sets every gradient to zero.</summary>
    void ZeroGrad();

    /// <summary>
    /// PyTorch's <c>clip_grad_norm_</c> over every gradient: scales them by <c>min(1, max/(norm + 1e-6))</c>.
    /// Returns the norm before clipping as a 0-d tensor on the device (reading it waits for the device).
    /// </summary>
    Tensor ClipGradNorm(double maxNorm);

    /// <summary>One AdamW update of every parameter.</summary>
    void Step();

    /// <summary>First and second moments of each parameter (null before its first step), in <see cref="Parameters"/> order.</summary>
    IEnumerable<(Tensor M, Tensor V)?> Moments();

    /// <summary>
    /// The float32 master copy of each parameter where the parameter itself is stored at lower precision
    /// (null where the parameter is its own master), in <see cref="Parameters"/> order.
    /// </summary>
    IEnumerable<Tensor?> MasterWeights();

    /// <summary>Restores steps, learning rates, moments and master weights (as the two methods above give them).</summary>
    void Restore(long steps, IReadOnlyList<double> lrs, IReadOnlyList<(Tensor M, Tensor V)?> moments, IReadOnlyList<Tensor?>? masters = null);
}
