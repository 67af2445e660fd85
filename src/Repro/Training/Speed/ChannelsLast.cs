using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Speed;

/// <summary>
/// Channels-last (NHWC) memory format. TorchSharp 0.107 has the <c>memory_format</c> enum but no method
/// that takes it; a 4-d tensor is put in channels-last order by permuting to NHWC, making that contiguous
/// and permuting back: same shape and values, strides <c>[H·W·C, 1, W·C, C]</c>. libtorch's convolution,
/// BatchNorm and pooling kernels follow the format of their input and weight.
/// </summary>
public static class ChannelsLast
{
    /// <summary>A channels-last copy of a 4-d tensor (other ranks are returned as they are).</summary>
    /// <remarks>The intermediates are held until the copy is done: a TorchSharp temporary that nothing
    /// references can be finalized, and its tensor freed, while libtorch is still reading it.</remarks>
    public static Tensor Of(Tensor t)
    {
        if (t.dim() != 4) return t.alias();
        using var nhwc = t.permute(0, 2, 3, 1);
        using var packed = nhwc.contiguous();
        return packed.permute(0, 3, 1, 2);
    }

    /// <summary>True when a 4-d tensor is laid out channels-last.</summary>
    public static bool Is(Tensor t)
    {
        if (t.dim() != 4) return false;
        var s = t.stride();
        long n = t.shape[0], c = t.shape[1], h = t.shape[2], w = t.shape[3];
        return (c == 1 || s[1] == 1) && (w == 1 || s[3] == c) && (h == 1 || s[2] == w * c) && (n == 1 || s[0] == h * w * c);
    }

    /// <summary>
    /// Moves every Conv2d weight of <paramref name="model"/> to channels-last in place (the Parameter
    /// objects stay the same, so optimizer groups built before or after both see them). Returns how many.
    /// </summary>
    public static int Apply(nn.Module model)
    {
        int count = 0;
        using var noGrad = no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            if (module is not Conv2d conv || conv.weight is not { } w || Is(w)) continue;
            using var cl = Of(w);
            w.set_(cl);
            count++;
        }
        return count;
    }
}
