using Repro.Training.Optim;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace Repro.Tests.Training;

public class OptimTests
{
    [Fact]
    public void AdamW_matches_the_reference_formula_over_three_steps()
    {
        TestRuntime.Init();
        var p = new Parameter(tensor(new float[] { 1.0f, -2.0f }));
        var opt = new AdamW(new[] { new ParamGroup("all", new[] { p }, 0.1, 0.01) });
        double[] x = { 1.0, -2.0 }, m = new double[2], v = new double[2];
        double[][] grads = { new[] { 0.5, -1.0 }, new[] { 0.25, 2.0 }, new[] { -0.5, 0.0 } };
        for (int t = 1; t <= 3; t++)
        {
            p.grad = tensor(grads[t - 1].Select(g => (float)g).ToArray());
            opt.Step();
            for (int i = 0; i < 2; i++)
            {
                double g = grads[t - 1][i];
                x[i] *= 1 - 0.1 * 0.01;
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                x[i] -= 0.1 / (1 - Math.Pow(0.9, t)) * m[i] / (Math.Sqrt(v[i]) / Math.Sqrt(1 - Math.Pow(0.999, t)) + 1e-8);
            }
        }
        var got = p.data<float>().ToArray();
        Assert.Equal(x[0], got[0], 5);
        Assert.Equal(x[1], got[1], 5);
        Assert.Equal(3, opt.Steps);
    }

    [Fact]
    public void Clipping_scales_all_gradients_to_the_global_norm()
    {
        TestRuntime.Init();
        var a = new Parameter(zeros(2)) { grad = tensor(new float[] { 3, 0 }) };
        var b = new Parameter(zeros(1)) { grad = tensor(new float[] { 4 }) };
        using (var norm = GradientClipping.ClipGlobalNormTensor(new[] { a, b }, 1.0)) Assert.Equal(5.0, norm.item<float>(), 5);
        Assert.Equal(3 / (5 + 1e-6), a.grad!.data<float>()[0], 5);
        Assert.Equal(4 / (5 + 1e-6), b.grad!.data<float>()[0], 5);
        // below the threshold nothing changes
        GradientClipping.ClipGlobalNormTensor(new[] { a, b }, 10.0).Dispose();
        Assert.Equal(4 / (5 + 1e-6), b.grad!.data<float>()[0], 5);
    }
}
