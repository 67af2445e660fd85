using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// Global average pooling to 1×1 (<c>AdaptiveAvgPool2d(1)</c>). On the CPU it runs libtorch's
/// <c>adaptive_avg_pool2d</c>, the op the CPU snapshots were made with; on CUDA it is a mean over H and W,
/// because libtorch refuses to differentiate <c>adaptive_avg_pool2d</c> on CUDA with deterministic
/// algorithms on ("does not have a deterministic implementation"). Same values up to float rounding; no
/// parameters, so state dicts are unchanged.
/// </summary>
public sealed class GlobalAvgPool : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    public GlobalAvgPool() : base(nameof(GlobalAvgPool)) { }

    /// <summary><c>[N, C, H, W]</c> → <c>[N, C, 1, 1]</c>.</summary>
    public override Tensor forward(Tensor input) =>
        input.device_type == DeviceType.CUDA
            ? input.mean([2, 3], keepdim: true)
            : nn.functional.adaptive_avg_pool2d(input, 1);
}
