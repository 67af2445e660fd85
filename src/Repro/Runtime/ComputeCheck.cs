using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Runtime;

/// <summary>
/// Proves that libtorch computes on a device: a matmul and a convolution against hand-computed values,
/// and a few SGD steps that must reduce a loss through autograd.
/// </summary>
public static class ComputeCheck
{
    /// <summary>Runs the check on <paramref name="device"/>; returns a failure description, or null when it passed.</summary>
    public static string? Run(Device device)
    {
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 }, device: device);
        var product = matmul(a, a).cpu().data<float>().ToArray();
        if (!product.SequenceEqual(new float[] { 7, 10, 15, 22 }))
            return $"matmul gave [{string.Join(", ", product)}], expected [7, 10, 15, 22]";

        // 3x3 all-ones kernel over a 3x3 ramp 1..9, no padding: the sum 45.
        var image = arange(1, 10, dtype: ScalarType.Float32, device: device).reshape(1, 1, 3, 3);
        var kernel = ones(1, 1, 3, 3, device: device);
        float conv = nn.functional.conv2d(image, kernel).cpu().item<float>();
        if (conv != 45f) return $"conv2d gave {conv}, expected 45";

        // y = 3x - 1 learned by gradient descent.
        var x = linspace(-1, 1, 64, device: device).reshape(64, 1);
        var y = 3 * x - 1;
        var w = zeros(1, 1, device: device, requires_grad: true);
        var b = zeros(1, device: device, requires_grad: true);
        float first = 0, last = 0;
        for (int step = 0; step < 50; step++)
        {
            using var stepScope = NewDisposeScope();
            var loss = (matmul(x, w) + b - y).pow(2).mean();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
            loss.backward();
            using (no_grad())
            {
                w.sub_(w.grad! * 0.5f);
                b.sub_(b.grad! * 0.5f);
                w.grad!.zero_();
                b.grad!.zero_();
            }
        }
        if (!(last < first * 1e-3)) return $"gradient descent did not converge (loss {first} -> {last})";
        return null;
    }
}
