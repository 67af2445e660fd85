using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Optim;

/// <summary>
/// AdamW parameter by parameter, as PyTorch's single-tensor loop (the arithmetic is <see cref="AdamWBase"/>'s).
/// Its state is plain tensors, so checkpoints hold it exactly and a resumed run continues bit for bit. About
/// ten kernel launches per parameter tensor per step (see <see cref="FlatAdamW"/> for the few-launch form).
/// </summary>
public sealed class AdamW : AdamWBase
{
    private readonly Dictionary<Parameter, (Tensor M, Tensor V)> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer over <paramref name="groups"/>.</summary>
    public AdamW(IEnumerable<ParamGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8) : base(beta1, beta2, eps)
    {
        foreach (var g in groups) AddGroup(g);
    }

    /// <summary>Clears gradients (set to zero in place).</summary>
    public override void ZeroGrad()
    {
        using var scope = NewDisposeScope(); // grad and zero_ return new wrappers
        foreach (var p in Parameters)
            p.grad?.zero_();
    }

    /// <inheritdoc />
    public override Tensor ClipGradNorm(double maxNorm) => GradientClipping.ClipGlobalNormTensor(Parameters, maxNorm);

    /// <summary>Updates every parameter that has a gradient; moments are created at a parameter's first step.</summary>
    protected override void UpdateAll(double bc1, double bc2Sqrt)
    {
        for (int gi = 0; gi < Groups.Count; gi++)
        {
            foreach (var p in Groups[gi].Parameters)
            {
                var g = p.grad;
                if (g is null) continue;
                if (!_state.TryGetValue(p, out var s))
                {
                    s = (zeros_like(p).DetachFromDisposeScope(), zeros_like(p).DetachFromDisposeScope()); // outlive the caller's batch scope
                    _state[p] = s;
                }
                Update(p, g, s.M, s.V, gi, bc1, bc2Sqrt);
            }
        }
    }

    /// <summary>The moment tensors of each parameter (null before its first step), in <see cref="AdamWBase.Parameters"/> order.</summary>
    public override IEnumerable<(Tensor M, Tensor V)?> Moments() =>
        Parameters.Select(p => _state.TryGetValue(p, out var s) ? s : ((Tensor, Tensor)?)null);

    /// <summary>None: every parameter is its own master.</summary>
    public override IEnumerable<Tensor?> MasterWeights() => Parameters.Select(_ => (Tensor?)null);

    /// <summary>Restores steps, learning rates and moments (as produced by <see cref="Moments"/>).</summary>
    public override void Restore(long steps, IReadOnlyList<double> lrs, IReadOnlyList<(Tensor M, Tensor V)?> moments, IReadOnlyList<Tensor?>? masters = null)
    {
        if (masters is not null && masters.Any(m => m is not null))
            throw new InvalidDataException("the checkpoint holds float32 master weights (a bf16 run with the flat optimizer); this optimizer keeps none");
        var ps = Parameters.ToList();
        if (moments.Count != ps.Count) throw new InvalidDataException($"checkpoint holds optimizer state for {moments.Count} parameters, model has {ps.Count}");
        RestoreSteps(steps, lrs);
        foreach (var (m, v) in _state.Values) { m.Dispose(); v.Dispose(); }
        _state.Clear();
        for (int i = 0; i < ps.Count; i++)
        {
            if (moments[i] is not { } mv) continue;
            _state[ps[i]] = (mv.M.to(ps[i].device).DetachFromDisposeScope(), mv.V.to(ps[i].device).DetachFromDisposeScope());
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        foreach (var (m, v) in _state.Values) { m.Dispose(); v.Dispose(); }
        _state.Clear();
    }
}
