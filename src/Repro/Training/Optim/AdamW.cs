using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Optim;

/// <summary>
/// AdamW exactly as PyTorch's single-tensor implementation computes it (amsgrad off):
/// <c>p ← p·(1 − lr·wd)</c>; <c>m ← β1·m + (1−β1)·g</c>; <c>v ← β2·v + (1−β2)·g²</c>;
/// <c>p ← p − lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)</c>. Its state is plain tensors, so checkpoints
/// hold it exactly and a resumed run continues bit for bit. About ten kernel launches per parameter tensor
/// per step (see <see cref="FlatAdamW"/> for the few-launch form).
/// </summary>
public sealed class AdamW : IOptimizer
{
    private readonly List<ParamGroup> _groups;
    private double[] _lr;
    private readonly Dictionary<Parameter, (Tensor M, Tensor V)> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer over <paramref name="groups"/>.</summary>
    public AdamW(IEnumerable<ParamGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        _groups = groups.ToList();
        _lr = _groups.Select(g => g.LearningRate).ToArray();
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

    /// <summary>Current learning rate of each group (a scheduler changes them).</summary>
    public IReadOnlyList<double> LearningRates => _lr;

    /// <summary>Sets every group's learning rate.</summary>
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
    }

    /// <summary>Every trainable parameter, group by group.</summary>
    public IEnumerable<Parameter> Parameters => _groups.SelectMany(g => g.Parameters);

    /// <summary>Clears gradients (set to zero in place).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
            p.grad?.zero_();
    }

    /// <inheritdoc />
    public Tensor ClipGradNorm(double maxNorm) => GradientClipping.ClipGlobalNormTensor(Parameters, maxNorm);

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        Steps++;
        double bc1 = 1 - Math.Pow(Beta1, Steps);
        double bc2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, Steps));
        using var noGrad = no_grad();
        for (int gi = 0; gi < _groups.Count; gi++)
        {
            double lr = _lr[gi], wd = _groups[gi].WeightDecay;
            foreach (var p in _groups[gi].Parameters)
            {
                var g = p.grad;
                if (g is null) continue;
                using var scope = NewDisposeScope();
                if (!_state.TryGetValue(p, out var s))
                {
                    s = (zeros_like(p).DetachFromDisposeScope(), zeros_like(p).DetachFromDisposeScope());
                    _state[p] = s;
                }
                if (wd != 0) p.mul_(1 - lr * wd);
                s.M.mul_(Beta1).add_(g, alpha: 1 - Beta1);
                s.V.mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);
                var denom = (s.V.sqrt() / bc2Sqrt).add_(Eps);
                p.addcdiv_(s.M, denom, value: -lr / bc1);
            }
        }
    }

    /// <summary>The moment tensors of each parameter (null before its first step), in <see cref="Parameters"/> order.</summary>
    public IEnumerable<(Tensor M, Tensor V)?> Moments() =>
        Parameters.Select(p => _state.TryGetValue(p, out var s) ? s : ((Tensor, Tensor)?)null);

    /// <summary>None: every parameter is its own master.</summary>
    public IEnumerable<Tensor?> MasterWeights() => Parameters.Select(_ => (Tensor?)null);

    /// <summary>Restores steps, learning rates and moments (as produced by <see cref="Moments"/>).</summary>
    public void Restore(long steps, IReadOnlyList<double> lrs, IReadOnlyList<(Tensor M, Tensor V)?> moments, IReadOnlyList<Tensor?>? masters = null)
    {
        if (masters is not null && masters.Any(m => m is not null))
            throw new InvalidDataException("the checkpoint holds float32 master weights (a bf16 run with the flat optimizer); this optimizer keeps none");
        var ps = Parameters.ToList();
        if (moments.Count != ps.Count) throw new InvalidDataException($"checkpoint holds optimizer state for {moments.Count} parameters, model has {ps.Count}");
        Steps = steps;
        SetLearningRates(lrs);
        foreach (var (m, v) in _state.Values) { m.Dispose(); v.Dispose(); }
        _state.Clear();
        for (int i = 0; i < ps.Count; i++)
        {
            if (moments[i] is not { } mv) continue;
            _state[ps[i]] = (mv.M.to(ps[i].device).DetachFromDisposeScope(), mv.V.to(ps[i].device).DetachFromDisposeScope());
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (m, v) in _state.Values) { m.Dispose(); v.Dispose(); }
        _state.Clear();
    }
}
