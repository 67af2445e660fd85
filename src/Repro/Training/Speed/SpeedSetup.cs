using Repro.Models;
using TorchSharp;
using Repro.Training.Optim;
using static TorchSharp.torch;

namespace Repro.Training.Speed;

/// <summary>
/// The one place a preset's <see cref="SpeedOptions"/> take effect: the model (bf16 layers, channels-last weights,
/// and through the returned <see cref="SpeedModel"/> its input and logits), the optimizer (flat or per-tensor), TF32
/// for the run, and the warnings. The trainer, the predictor and the benchmarks call these and nothing else of the
/// switches. A null <see cref="SpeedOptions"/> leaves everything as it is.
/// </summary>
public static class SpeedSetup
{
    /// <summary>
    /// Converts <paramref name="model"/> as <paramref name="speed"/> asks (bf16 first: it replaces the
    /// converted layers' Parameter objects; then channels-last, which keeps them) and returns it as the switches run
    /// it. Build the optimizer after this.
    /// </summary>
    public static SpeedModel Apply(ReproModel model, SpeedOptions? speed)
    {
        if (speed is not null)
        {
            if (speed.IsBf16) Bf16.Apply(model);
            if (speed.ChannelsLast) ChannelsLast.Apply(model);
        }
        return new SpeedModel(model, speed);
    }

    /// <summary>
    /// TF32 on CUDA for as long as the returned scope lives when <paramref name="speed"/> asks for it; null (nothing
    /// to dispose) otherwise. Take it before the first CUDA op of the run and dispose it when the run ends.
    /// </summary>
    public static IDisposable? UseTf32(SpeedOptions? speed) => speed is { Tf32: true } ? Runtime.TorchRuntime.UseTf32(true) : null;

    /// <summary><see cref="FlatAdamW"/> when the flat optimizer is asked for, else the per-tensor <see cref="AdamW"/>.</summary>
    public static IOptimizer CreateOptimizer(IEnumerable<ParamGroup> groups, SpeedOptions? speed) =>
        speed?.FlatOptimizer == true ? new FlatAdamW(groups) : new AdamW(groups);

    /// <summary>The model's input in the memory format and dtype the switches ask for (unchanged without them).</summary>
    internal static Tensor ToModelInput(Tensor input, SpeedOptions? speed)
    {
        if (speed is null) return input;
        var x = speed.ChannelsLast ? ChannelsLast.Of(input) : input;
        if (!speed.IsBf16) return x;
        var cast = x.to(ScalarType.BFloat16);
        GC.KeepAlive(x); // the channels-last copy must outlive the cast that reads it, scope or no scope
        return cast;
    }

    /// <summary>
    /// What a user should know about <paramref name="speed"/> on <paramref name="device"/> with the CPU
    /// instruction set <paramref name="cpuIsa"/> (the result file and the console carry these).
    /// </summary>
    public static IEnumerable<string> Warnings(SpeedOptions? speed, Device device, string cpuIsa)
    {
        if (speed is null) yield break;
        bool cpu = device.type == DeviceType.CPU;
        if (cpu && speed.IsBf16 && cpuIsa.Equals("avx2", StringComparison.OrdinalIgnoreCase))
            yield return "speed.precision=bf16 on a CPU pinned to AVX2: oneDNN has no AVX2 bf16 kernels and falls back to " +
                         "reference code (measured ~25x slower than float32); run with --cpu-isa native on an AVX512-BF16 CPU";
        if (cpu && speed.Tf32)
            yield return "speed.tf32 has no effect on a CPU";
    }

    /// <summary>Logits in float32 for the loss and the probabilities (a bf16 model's output is cast up).</summary>
    internal static Tensor ToFloat32(Tensor logits) => logits.dtype == ScalarType.Float32 ? logits : logits.to(ScalarType.Float32);
}
