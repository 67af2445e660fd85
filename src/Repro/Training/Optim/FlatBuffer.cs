using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Optim;

/// <summary>
/// One group's parameters of one dtype, moved into a single 1-d buffer: each parameter becomes a view of
/// its slice (same shape and strides, so channels-last weights stay channels-last), and so does its
/// gradient, which autograd then accumulates in place. Moments and, for parameters stored below float32,
/// a float32 master copy are buffers of the same layout. Whole-buffer ops replace per-tensor loops.
/// </summary>
internal sealed class FlatBuffer : IDisposable
{
    private readonly long[] _offsets;
    private readonly Tensor? _grad32;
    private bool _gradsReady;

    /// <summary>Moves <paramref name="parameters"/> (all of one dtype and device, each dense) into one buffer.</summary>
    public FlatBuffer(int group, IReadOnlyList<Parameter> parameters)
    {
        if (parameters.Count == 0) throw new ArgumentException("a flat buffer needs at least one parameter", nameof(parameters));
        Group = group;
        Parameters = parameters;
        var dtype = parameters[0].dtype;
        var device = parameters[0].device;
        _offsets = new long[parameters.Count];
        long total = 0;
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (p.dtype != dtype || p.device.ToString() != device.ToString())
                throw new ArgumentException($"parameter {i} is {p.dtype} on {p.device}; the buffer holds {dtype} on {device}");
            if (!IsDense(p))
                throw new ArgumentException($"parameter {i} [{string.Join(",", p.shape)}] with strides [{string.Join(",", p.stride())}] has gaps or overlaps: it cannot be a view of a flat buffer");
            _offsets[i] = total;
            total += p.numel();
        }
        using var noGrad = no_grad();
        // Owned by this object, not by whatever dispose scope the caller has open.
        Data = empty(total, dtype: dtype, device: device).DetachFromDisposeScope();
        Grad = zeros(total, dtype: dtype, device: device).DetachFromDisposeScope();
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            // Both views stay referenced until the native calls that take them have returned (a TorchSharp
            // temporary nothing references can be finalized mid-call).
            using var view = ViewOf(Data, i);
            using var gradView = ViewOf(Grad, i);
            view.copy_(p);
            p.set_(view); // returns p itself in TorchSharp 0.107: nothing to dispose
            p.grad = gradView;
        }
        HasMaster = dtype != ScalarType.Float32;
        Master = HasMaster ? Data.to(ScalarType.Float32).DetachFromDisposeScope() : Data;
        _grad32 = HasMaster ? zeros(total, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope() : null;
        M = zeros(total, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
        V = zeros(total, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
    }

    /// <summary>Index of the group in the optimizer.</summary>
    public int Group { get; }
    /// <summary>The parameters, now views of <see cref="Data"/>.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }
    /// <summary>The parameters' storage (their dtype).</summary>
    public Tensor Data { get; }
    /// <summary>The gradients' storage (their dtype).</summary>
    public Tensor Grad { get; }
    /// <summary>Float32 weights the update is applied to (<see cref="Data"/> itself when that is float32).</summary>
    public Tensor Master { get; }
    /// <summary>True when <see cref="Data"/> is below float32 and <see cref="Master"/> is a separate copy.</summary>
    public bool HasMaster { get; }
    /// <summary>First moment.</summary>
    public Tensor M { get; }
    /// <summary>Second moment.</summary>
    public Tensor V { get; }

    /// <summary>The float32 gradient of this step (a copy of <see cref="Grad"/> for low-precision parameters, made once per step).</summary>
    public Tensor Grad32
    {
        get
        {
            if (_grad32 is null) return Grad;
            if (!_gradsReady) { _grad32.copy_(Grad); _gradsReady = true; }
            return _grad32;
        }
    }

    /// <summary>Zeroes the gradients in one op.</summary>
    public void ZeroGrad()
    {
        using (NewDisposeScope()) Grad.zero_(); // zero_ returns a new wrapper
        _gradsReady = false;
    }

    /// <summary>Writes the updated master weights back into the parameters' storage (low precision only).</summary>
    public void SyncFromMaster()
    {
        if (HasMaster) Data.copy_(Master);
        _gradsReady = false;
    }

    /// <summary>A view of <paramref name="buffer"/> (same layout as <see cref="Data"/>) shaped like parameter <paramref name="index"/>.</summary>
    public Tensor ViewOf(Tensor buffer, int index)
    {
        var p = Parameters[index];
        return buffer.as_strided(p.shape, p.stride(), _offsets[index]);
    }

    /// <summary>True when the tensor's elements fill a block of exactly <c>numel</c> consecutive slots (any dim order).</summary>
    internal static bool IsDense(Tensor t)
    {
        var dims = Enumerable.Range(0, (int)t.dim()).Where(d => t.shape[d] != 1).OrderBy(d => t.stride(d)).ToArray();
        long expected = 1;
        foreach (int d in dims)
        {
            if (t.stride(d) != expected) return false;
            expected *= t.shape[d];
        }
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (HasMaster) Master.Dispose();
        _grad32?.Dispose();
        M.Dispose();
        V.Dispose();
        // Data and Grad stay alive as long as the parameters that view them; disposing the handles here
        // only drops this object's references.
        Data.Dispose();
        Grad.Dispose();
    }
}
