using Repro.Models;
using Repro.Training.Losses;
using Repro.Training.Optim;
using Repro.Training.Speed;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace Repro.Tests.Training.Speed;

public class FlatAdamWTests
{
    private static (Parameter[] A, Parameter[] B) TwinParameters()
    {
        using var g = Repro.Runtime.TorchRuntime.Generator(11, 0);
        long[][] shapes = [[4, 3, 3, 3], [4], [5, 4], [1]];
        var a = shapes.Select(s => new Parameter(randn(s, generator: g))).ToArray();
        var b = a.Select(p => new Parameter(p.detach().clone())).ToArray();
        return (a, b);
    }

    [Fact]
    public void Flat_update_equals_the_per_tensor_update_element_for_element()
    {
        TestRuntime.Init();
        var (a, b) = TwinParameters();
        using var perTensor = new AdamW([new ParamGroup("all", a, 0.01, 0.1)]);
        using var flat = new FlatAdamW([new ParamGroup("all", b, 0.01, 0.1)]);
        using var g = Repro.Runtime.TorchRuntime.Generator(12, 0);
        for (int step = 0; step < 4; step++)
        {
            flat.ZeroGrad();
            for (int i = 0; i < a.Length; i++)
            {
                var grad = randn(a[i].shape, generator: g);
                a[i].grad = grad.clone();
                using (no_grad()) b[i].grad!.copy_(grad); // the flat optimizer's gradients are views of its buffer
            }
            perTensor.Step();
            flat.Step();
        }
        for (int i = 0; i < a.Length; i++)
            Assert.Equal(0.0, (a[i] - b[i]).abs().max().item<float>());
        Assert.Equal(4, flat.Steps);
        var ma = perTensor.Moments().ToList();
        var mb = flat.Moments().ToList();
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(0.0, (ma[i]!.Value.M - mb[i]!.Value.M).abs().max().item<float>());
            Assert.Equal(0.0, (ma[i]!.Value.V - mb[i]!.Value.V).abs().max().item<float>());
        }
    }

    [Fact]
    public void Parameters_and_gradients_become_views_of_one_buffer_and_backward_fills_it_in_place()
    {
        TestRuntime.Init();
        Repro.Runtime.TorchRuntime.Seed(3);
        using var reference = ModelFactory.Create(new ModelSpec(ModelSpec.ProseCnn), CPU);
        using var model = ModelFactory.Create(new ModelSpec(ModelSpec.ProseCnn), CPU);
        model.load_state_dict(reference.state_dict());
        model.eval(); reference.eval(); // no dropout: both must see the same function
        var ps = model.parameters().ToList();
        var before = ps.Select(p => p.detach().clone()).ToList();
        using var flat = new FlatAdamW([new ParamGroup("all", ps, 1e-3, 0)]);
        Assert.Equal(1, flat.BufferCount);
        Assert.Same(ps[0], model.parameters().First()); // same Parameter objects, new storage
        for (int i = 0; i < ps.Count; i++) Assert.True(before[i].equal(ps[i]).all().item<bool>());

        using var x = randn(2, 3, 32, 32);
        using var y = tensor(new long[] { 0, 2 });
        var loss = new LossSpec(LossKind.Ce).Create([1, 1, 1]);
        flat.ZeroGrad();
        loss.Compute(model.forward(x), y).backward();
        loss.Compute(reference.forward(x), y).backward();
        var refGrads = reference.parameters().Select(p => p.grad!).ToList();
        for (int i = 0; i < ps.Count; i++)
            Assert.True(ps[i].grad!.allclose(refGrads[i], rtol: 1e-5, atol: 1e-7), $"gradient {i}");
        // zeroing the buffer zeroes every parameter's gradient: they are views of it
        flat.ZeroGrad();
        Assert.All(ps, p => Assert.Equal(0.0, p.grad!.abs().sum().item<float>()));
    }

    [Fact]
    public void Clipping_over_the_buffer_gives_the_global_norm_of_the_per_tensor_clip()
    {
        TestRuntime.Init();
        var (a, b) = TwinParameters();
        using var flat = new FlatAdamW([new ParamGroup("all", b, 0.01, 0)]);
        using var g = Repro.Runtime.TorchRuntime.Generator(13, 0);
        flat.ZeroGrad();
        for (int i = 0; i < a.Length; i++)
        {
            var grad = randn(a[i].shape, generator: g) * 3;
            a[i].grad = grad.clone();
            using (no_grad()) b[i].grad!.copy_(grad);
        }
        double reference;
        using (var referenceNorm = GradientClipping.ClipGlobalNormTensor(a, 1.0)) reference = referenceNorm.item<float>();
        using var norm = flat.ClipGradNorm(1.0);
        Assert.Equal(reference, norm.item<float>(), 4);
        Assert.True(reference > 1);
        for (int i = 0; i < a.Length; i++)
            Assert.True(a[i].grad!.allclose(b[i].grad!, rtol: 1e-5, atol: 1e-7));
    }

    [Fact]
    public void Bf16_parameters_are_updated_through_float32_masters_and_resume_exactly()
    {
        TestRuntime.Init();
        using var g = Repro.Runtime.TorchRuntime.Generator(14, 0);
        var start = randn([8, 4], generator: g);
        var p = new Parameter(start.to(ScalarType.BFloat16));
        using var opt = new FlatAdamW([new ParamGroup("all", [p], 1e-3, 0.01)]);
        var grads = Enumerable.Range(0, 6).Select(_ => randn([8, 4], generator: g)).ToList();
        for (int s = 0; s < 3; s++)
        {
            opt.ZeroGrad();
            using (no_grad()) p.grad!.copy_(grads[s]);
            opt.Step();
        }
        Assert.Equal(ScalarType.BFloat16, p.dtype);
        var master = opt.MasterWeights().Single()!;
        Assert.Equal(ScalarType.Float32, master.dtype);
        // the parameter is its master rounded to bf16; the master keeps what bf16 would lose (lr·update ≪ bf16 spacing)
        Assert.True(master.to(ScalarType.BFloat16).equal(p).all().item<bool>());
        Assert.True((master - p.to(ScalarType.Float32)).abs().max().item<float>() > 0);

        // a second optimizer restored from the first one's state continues identically
        var saved = (Steps: opt.Steps, Moments: opt.Moments().Select(m => ((Tensor, Tensor)?)(m!.Value.M.clone(), m.Value.V.clone())).ToList(),
                     Masters: opt.MasterWeights().Select(m => m?.clone()).ToList(), Weights: p.detach().clone());
        var q = new Parameter(saved.Weights.clone());
        using var resumed = new FlatAdamW([new ParamGroup("all", [q], 1e-3, 0.01)]);
        resumed.Restore(saved.Steps, [1e-3], saved.Moments, saved.Masters);
        for (int s = 3; s < 6; s++)
        {
            foreach (var (o, w) in new[] { (opt, p), (resumed, q) })
            {
                o.ZeroGrad();
                using (no_grad()) w.grad!.copy_(grads[s]);
                o.Step();
            }
        }
        Assert.True(p.equal(q).all().item<bool>());
        Assert.True(opt.MasterWeights().Single()!.equal(resumed.MasterWeights().Single()!).all().item<bool>());
    }

    [Fact]
    public void A_parameter_with_gaps_cannot_join_a_buffer()
    {
        TestRuntime.Init();
        using var big = zeros(4, 6);
        var strided = new Parameter(big.narrow(1, 0, 3).detach());
        var e = Assert.Throws<ArgumentException>(() => new FlatAdamW([new ParamGroup("all", [strided], 1e-3, 0)]));
        Assert.Contains("gaps or overlaps", e.Message);
    }
}
