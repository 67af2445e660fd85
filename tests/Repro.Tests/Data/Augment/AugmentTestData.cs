using Repro.Runtime;
using static TorchSharp.torch;

namespace Repro.Tests.Data.Augment;

/// <summary>Small batches and generators for the augmentation tests.</summary>
internal static class AugmentTestData
{
    /// <summary>A reproducible float batch in [0,1].</summary>
    public static Tensor Batch(long b = 4, long c = 3, long h = 16, long w = 16, long seed = 5)
    {
        TestRuntime.Init();
        using var g = TorchRuntime.Generator(seed, 99);
        return rand([b, c, h, w], dtype: ScalarType.Float32, generator: g);
    }

    /// <summary>A fresh generator for seed <paramref name="seed"/>.</summary>
    public static Generator Gen(long seed = 1)
    {
        TestRuntime.Init();
        return TorchRuntime.Generator(seed, 3);
    }

    /// <summary>The values of a tensor, flattened.</summary>
    public static float[] Values(Tensor t) => t.contiguous().cpu().data<float>().ToArray();

    /// <summary>True when two tensors hold bit-identical values.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && Values(a).SequenceEqual(Values(b));
}
