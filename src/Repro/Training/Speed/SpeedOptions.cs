namespace Repro.Training.Speed;

/// <summary>
/// A preset's speed switches. Each one changes how the step is computed, not what is computed; where the
/// numbers change (any switch but <see cref="LossReadInterval"/>), a preset that sets it gets its own
/// snapshot. A preset without this record (<c>Speed = null</c>) runs the reference path: float32, NCHW,
/// the per-tensor optimizer, the loss read after every batch.
/// </summary>
public sealed record SpeedOptions
{
    /// <summary>Convolution weights and the model's input in channels-last (NHWC) memory format.</summary>
    public bool ChannelsLast { get; init; }

    /// <summary>
    /// <c>fp32</c>, or <c>bf16</c>: convolution and linear weights and activations in bfloat16 (BatchNorm
    /// keeps float32 weights and statistics), float32 master weights in the flat optimizer, the loss in
    /// float32. TorchSharp has no autocast; this is the hand-written equivalent. Needs
    /// <see cref="FlatOptimizer"/>. On a CPU it needs AVX512-BF16 and <c>--cpu-isa native</c>: pinned to AVX2,
    /// oneDNN falls back to reference kernels (measured ~25× slower than float32).
    /// </summary>
    public Precision Precision { get; init; } = Precision.Fp32;

    /// <summary>TF32 tensor-core matmuls and convolutions on CUDA (Ampere and later) for the run; no effect on a CPU.</summary>
    public bool Tf32 { get; init; }

    /// <summary>Parameters and gradients as views of one buffer per group and dtype; clipping and AdamW as
    /// whole-buffer ops (<see cref="Optim.FlatAdamW"/>): a handful of kernel launches per step.</summary>
    public bool FlatOptimizer { get; init; }

    /// <summary>
    /// Read the training loss (a wait for the device) every this many batches; 0 = once per epoch. The
    /// loss is summed on the device either way, so the numbers do not change; a non-finite loss is then
    /// reported for the batches since the last read.
    /// </summary>
    public int LossReadInterval { get; init; } = 1;

    /// <summary>Every switch on: channels-last, bf16, TF32, the flat optimizer, the loss read once per epoch.</summary>
    public static SpeedOptions Fast { get; } = new()
    {
        ChannelsLast = true, Precision = Precision.Bf16, Tf32 = true, FlatOptimizer = true, LossReadInterval = 0,
    };

    /// <summary>True when activations and weights are bfloat16.</summary>
    public bool IsBf16 => Precision == Precision.Bf16;
}
