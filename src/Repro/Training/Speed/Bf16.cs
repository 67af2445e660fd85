using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Training.Speed;

/// <summary>
/// bfloat16 compute without autocast: the weights of every convolution and linear layer are converted
/// to bfloat16 (so their outputs are bfloat16), BatchNorm layers keep float32 weights and running
/// statistics (libtorch's BatchNorm takes a bfloat16 input with float32 parameters on CPU and CUDA), the
/// input is cast to bfloat16 and the logits back to float32 before the loss.
/// </summary>
public static class Bf16
{
    /// <summary>
    /// Converts the convolution and linear layers of <paramref name="model"/>; trainability is kept.
    /// Run before the optimizer is built: the converted layers get new Parameter objects. Returns how many layers.
    /// </summary>
    public static int Apply(nn.Module model)
    {
        int count = 0;
        foreach (var (_, module) in model.named_modules().ToList())
        {
            if (module is not (Conv2d or Linear)) continue;
            var trainable = module.named_parameters(recurse: false).ToDictionary(kv => kv.name, kv => kv.parameter.requires_grad);
            module.to(ScalarType.BFloat16);
            foreach (var (name, p) in module.named_parameters(recurse: false))
                if (trainable.TryGetValue(name, out bool t) && p.requires_grad != t) p.requires_grad = t;
            count++;
        }
        return count;
    }
}
