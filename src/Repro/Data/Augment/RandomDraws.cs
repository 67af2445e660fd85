using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Random numbers for augmentation parameters, drawn on the host from the caller's CPU generator in one
/// call per batch (a fixed count per sample, whether or not the sample is changed, so that the stream a
/// transform consumes never depends on earlier outcomes), then turned into parameters in double precision.
/// </summary>
internal static class RandomDraws
{
    /// <summary>
    /// The generator a random step draws from; a clear error when there is none (an evaluation pipeline passes none:
    /// a random step there would otherwise draw from libtorch's global generator and break seeded determinism).
    /// </summary>
    public static Generator Need(Generator? generator, string step) =>
        generator ?? throw new InvalidOperationException($"{step} is a random step: it needs the run's generator (a deterministic, evaluation pipeline has none)");

    /// <summary><paramref name="count"/> uniforms in [0, 1) from <paramref name="generator"/>.</summary>
    public static double[] Uniform(Generator generator, int count)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (generator.device.type != TorchSharp.DeviceType.CPU)
            throw new ArgumentException("augmentation parameters are drawn from a CPU generator (same seed → same batches on CPU and CUDA)", nameof(generator));
        if (count == 0) return [];
        using var u = rand(count, dtype: ScalarType.Float64, device: CPU, generator: generator);
        return u.data<double>().ToArray();
    }

    /// <summary>A uniform in [<paramref name="low"/>, <paramref name="high"/>) from a uniform <paramref name="u"/> in [0, 1).</summary>
    public static double Between(double u, double low, double high) => low + (high - low) * u;

    /// <summary>An integer in [<paramref name="low"/>, <paramref name="high"/>) from <paramref name="u"/> (torch.randint's range).</summary>
    public static int IntBetween(double u, int low, int high)
    {
        if (high <= low) throw new ArgumentException($"empty integer range [{low}, {high})");
        return Math.Min(high - 1, low + (int)Math.Floor(u * (high - low)));
    }

    /// <summary>A per-sample float32 tensor <c>[B,1,1,1]</c> on <paramref name="device"/>.</summary>
    public static Tensor PerSample(IReadOnlyList<double> values, Device device)
    {
        using var flat = tensor(values.Select(v => (float)v).ToArray(), dtype: ScalarType.Float32, device: device);
        return flat.view(-1, 1, 1, 1); // the view keeps the storage; the held wrapper cannot be finalized mid-call
    }

    /// <summary>A per-sample boolean tensor <c>[B,1,1,1]</c> on <paramref name="device"/>.</summary>
    public static Tensor PerSample(IReadOnlyList<bool> values, Device device)
    {
        using var flat = tensor(values.ToArray(), device: device);
        return flat.view(-1, 1, 1, 1);
    }
}
