using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Optim;

/// <summary>
/// What <see cref="AdamW"/> and <see cref="FlatAdamW"/> share: groups and their learning rates, β1, β2, ε,
/// the step count with its bias corrections, and the update itself, exactly as PyTorch's single-tensor AdamW
/// computes it (amsgrad off): <c>w ← w·(1 − lr·wd)</c>; <c>m ← β1·m + (1−β1)·g</c>;
/// <c>v ← β2·v + (1−β2)·g²</c>; <c>w ← w − lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)</c>. The two differ only in
/// what a "tensor" is for <see cref="Update"/>: one parameter, or one flat buffer.
/// </summary>
public abstract class AdamWBase : IOptimizer
{
    private readonly List<ParamGroup> _groups = new();
    private double[] _lr = Array.Empty<double>();

    /// <summary>Sets the hyperparameters; a derived constructor then adds its groups with <see cref="AddGroup"/>.</summary>
    protected AdamWBase(double beta1, double beta2, double eps)
    {
        Beta1 = beta1; Beta2 = beta2; Eps = eps;
    }

    /// <summary>β1.</summary>
    public double Beta1 { get; }
    /// <summary>β2.</summary>
    public double Beta2 { get; }
    /// <summary>ε.</summary>
    public double Eps { get; }
    /// <summary>Steps taken (PyTorch's per-parameter <c>step</c>; equal for all parameters here).</summary>
    public long Steps { get; private set; }
    /// <inheritdoc />
    public IReadOnlyList<ParamGroup> Groups => _groups;
    /// <inheritdoc />
    public IReadOnlyList<double> LearningRates => _lr;
    /// <inheritdoc />
    public IEnumerable<Parameter> Parameters => _groups.SelectMany(g => g.Parameters);

    /// <inheritdoc />
    public void SetLearningRates(IReadOnlyList<double> lrs)
    {
        if (lrs.Count != _lr.Length) throw new ArgumentException($"{lrs.Count} learning rates for {_lr.Length} groups");
        for (int i = 0; i < _lr.Length; i++) _lr[i] = lrs[i];
    }

    /// <summary>Adds a group (a backbone stage unfrozen mid-run), starting at <see cref="ParamGroup.LearningRate"/>.</summary>
    public void AddGroup(ParamGroup group)
    {
        _groups.Add(group);
        Array.Resize(ref _lr, _lr.Length + 1);
        _lr[^1] = group.LearningRate;
        OnGroupAdded(_groups.Count - 1, group);
    }

    /// <summary>Called after group <paramref name="index"/> joined.</summary>
    protected virtual void OnGroupAdded(int index, ParamGroup group) { }

    /// <summary>One update of every parameter.</summary>
    public void Step()
    {
        Steps++;
        double bc1 = 1 - Math.Pow(Beta1, Steps);
        double bc2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, Steps));
        using var scope = NewDisposeScope(); // the gradient wrappers read per parameter end here
        using var noGrad = no_grad();
        UpdateAll(bc1, bc2Sqrt);
    }

    /// <summary>Calls <see cref="Update"/> for every tensor the optimizer keeps, under no_grad.</summary>
    protected abstract void UpdateAll(double bc1, double bc2Sqrt);

    /// <summary>The AdamW update of <paramref name="weights"/> (in place) from <paramref name="grad"/> and the moments (in place).</summary>
    protected void Update(Tensor weights, Tensor grad, Tensor m, Tensor v, int group, double bc1, double bc2Sqrt)
    {
        double lr = _lr[group], wd = _groups[group].WeightDecay;
        using var scope = NewDisposeScope();
        if (wd != 0) weights.mul_(1 - lr * wd);
        m.mul_(Beta1).add_(grad, alpha: 1 - Beta1);
        v.mul_(Beta2).addcmul_(grad, grad, value: 1 - Beta2);
        var denom = (v.sqrt() / bc2Sqrt).add_(Eps);
        weights.addcdiv_(m, denom, value: -lr / bc1);
    }

    /// <summary>Puts back the step count and learning rates of a checkpoint.</summary>
    protected void RestoreSteps(long steps, IReadOnlyList<double> lrs)
    {
        Steps = steps;
        SetLearningRates(lrs);
    }

    /// <inheritdoc />
    public abstract void ZeroGrad();
    /// <inheritdoc />
    public abstract Tensor ClipGradNorm(double maxNorm);
    /// <inheritdoc />
    public abstract IEnumerable<(Tensor M, Tensor V)?> Moments();
    /// <inheritdoc />
    public abstract IEnumerable<Tensor?> MasterWeights();
    /// <inheritdoc />
    public abstract void Restore(long steps, IReadOnlyList<double> lrs, IReadOnlyList<(Tensor M, Tensor V)?> moments, IReadOnlyList<Tensor?>? masters = null);
    /// <inheritdoc />
    public abstract void Dispose();
}
