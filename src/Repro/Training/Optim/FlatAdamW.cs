using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Optim;

/// <summary>
/// AdamW with the arithmetic of <see cref="AdamW"/> done on whole buffers: every group's parameters (per
/// dtype) live in one <see cref="FlatBuffer"/>, so zeroing, clipping and the update are a handful of
/// kernel launches per step instead of about ten per parameter tensor — what PyTorch's multi-tensor
/// (<c>_foreach</c>) kernels buy, which TorchSharp does not expose. Parameters stored in bfloat16 are
/// updated through float32 master weights and written back after each step.
/// </summary>
/// <remarks>
/// The update of each element is the same sequence of operations as <see cref="AdamW"/>'s. Differences:
/// the clipping norm is taken over the whole buffer rather than as a norm of per-tensor norms (the same
/// number up to float rounding, so clipped runs differ in the last bits), and every parameter gets a
/// gradient (zero when unused) and is updated each step, where the per-tensor loop skips a parameter
/// whose gradient was never created. Every model here uses all its trainable parameters.
/// </remarks>
public sealed class FlatAdamW : AdamWBase
{
    private readonly List<FlatBuffer> _buffers = new();

    /// <summary>Creates the optimizer; moves every parameter of <paramref name="groups"/> into flat buffers.</summary>
    public FlatAdamW(IEnumerable<ParamGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8) : base(beta1, beta2, eps)
    {
        foreach (var g in groups) AddGroup(g);
    }

    /// <summary>Number of flat buffers (one per group and dtype).</summary>
    public int BufferCount => _buffers.Count;

    /// <summary>Moves the group's parameters into buffers, one per dtype and device.</summary>
    protected override void OnGroupAdded(int index, ParamGroup group)
    {
        foreach (var byType in group.Parameters.GroupBy(p => (p.dtype, p.device.ToString())))
            _buffers.Add(new FlatBuffer(index, byType.ToList()));
    }

    /// <inheritdoc />
    public override void ZeroGrad()
    {
        foreach (var b in _buffers) b.ZeroGrad();
    }

    /// <inheritdoc />
    public override Tensor ClipGradNorm(double maxNorm) => GradientClipping.ClipTensors(_buffers.Select(b => b.Grad32).ToList(), maxNorm);

    /// <summary>One update per buffer (through the float32 master where the parameters are below float32), then the write-back.</summary>
    protected override void UpdateAll(double bc1, double bc2Sqrt)
    {
        foreach (var b in _buffers)
        {
            Update(b.Master, b.Grad32, b.M, b.V, b.Group, bc1, bc2Sqrt);
            b.SyncFromMaster();
        }
    }

    /// <inheritdoc />
    public override IEnumerable<(Tensor M, Tensor V)?> Moments() =>
        Slots().Select(s => Steps == 0 ? null : ((Tensor M, Tensor V)?)(s.Buffer.ViewOf(s.Buffer.M, s.Index), s.Buffer.ViewOf(s.Buffer.V, s.Index)));

    /// <inheritdoc />
    public override IEnumerable<Tensor?> MasterWeights() =>
        Slots().Select(s => s.Buffer.HasMaster ? s.Buffer.ViewOf(s.Buffer.Master, s.Index) : null);

    /// <inheritdoc />
    public override void Restore(long steps, IReadOnlyList<double> lrs, IReadOnlyList<(Tensor M, Tensor V)?> moments, IReadOnlyList<Tensor?>? masters = null)
    {
        var slots = Slots().ToList();
        if (moments.Count != slots.Count) throw new InvalidDataException($"checkpoint holds optimizer state for {moments.Count} parameters, model has {slots.Count}");
        if (masters is not null && masters.Count != slots.Count) throw new InvalidDataException($"checkpoint holds master weights for {masters.Count} parameters, model has {slots.Count}");
        RestoreSteps(steps, lrs);
        using var scope = NewDisposeScope(); // the views and zero_'s wrappers end here
        using var noGrad = no_grad();
        for (int i = 0; i < slots.Count; i++)
        {
            var (b, k) = slots[i];
            using var m = b.ViewOf(b.M, k);
            using var v = b.ViewOf(b.V, k);
            if (moments[i] is { } mv) { m.copy_(mv.M); v.copy_(mv.V); }
            else { m.zero_(); v.zero_(); }
            if (!b.HasMaster) continue;
            using var master = b.ViewOf(b.Master, k);
            if (masters?[i] is { } saved) master.copy_(saved);
            else master.copy_(b.Parameters[k]); // no master saved: start from the stored low-precision weights
        }
    }

    /// <summary>Each parameter's buffer and index there, in <see cref="AdamWBase.Parameters"/> order.</summary>
    private IEnumerable<(FlatBuffer Buffer, int Index)> Slots()
    {
        var where = new Dictionary<Parameter, (FlatBuffer, int)>(ReferenceEqualityComparer.Instance);
        foreach (var b in _buffers)
            for (int i = 0; i < b.Parameters.Count; i++) where[b.Parameters[i]] = (b, i);
        return Parameters.Select(p => where[p]);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        foreach (var b in _buffers) b.Dispose();
        _buffers.Clear();
    }
}
