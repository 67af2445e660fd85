using Repro.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Tests.Models;

public class GlobalAvgPoolTests
{
    [Fact]
    public void On_the_cpu_it_is_adaptive_average_pooling_bit_for_bit_and_the_mean_over_h_and_w()
    {
        TestRuntime.Init();
        using var g = Repro.Runtime.TorchRuntime.Generator(21, 0);
        using var x = randn([3, 5, 7, 6], generator: g);
        using var pool = new GlobalAvgPool();
        using var got = pool.forward(x);
        using var adaptive = nn.functional.adaptive_avg_pool2d(x, 1);
        Assert.Equal(new long[] { 3, 5, 1, 1 }, got.shape);
        Assert.True(got.equal(adaptive).all().item<bool>());
        using var mean = x.mean([2, 3], keepdim: true);
        Assert.True(got.allclose(mean, rtol: 1e-6, atol: 1e-7));
        Assert.Empty(pool.parameters());
    }
}
