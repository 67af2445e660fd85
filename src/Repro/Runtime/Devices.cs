using TorchSharp;

namespace Repro.Runtime;

/// <summary>Turns a device name from a preset or the command line into a TorchSharp device.</summary>
public static class Devices
{
    /// <summary>
    /// <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c> (CUDA when present, else CPU).
    /// Asking for CUDA where there is none is an error that says what to do instead.
    /// </summary>
    public static torch.Device Resolve(string name)
    {
        TorchRuntime.EnsureInitialized();
        string n = name.Trim().ToLowerInvariant();
        if (n == "auto") return CudaAvailable ? torch.CUDA : torch.CPU;
        if (n == "cpu") return torch.CPU;
        if (n == "cuda" || n.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!CudaAvailable)
                throw new InvalidOperationException(
                    $"Device '{name}' was asked for, but CUDA is not usable here ({TorchRuntime.CudaProblem}); run with --device cpu, " +
                    "or build with -p:TorchBackend=external and put a CUDA-enabled libtorch (e.g. PyTorch's torch/lib) on LD_LIBRARY_PATH " +
                    "(see README, 'Backends').");
            int index = n == "cuda" ? 0 : int.Parse(n[5..], System.Globalization.CultureInfo.InvariantCulture);
            if (index >= torch.cuda.device_count())
                throw new InvalidOperationException($"Device '{name}': only {torch.cuda.device_count()} CUDA device(s) present.");
            return new torch.Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"Device '{name}' is not known: use cpu, cuda, cuda:N or auto.");
    }

    /// <summary>True when libtorch has CUDA and sees at least one device.</summary>
    public static bool CudaAvailable
    {
        get
        {
            TorchRuntime.EnsureInitialized();
            return TorchRuntime.CudaUsable;
        }
    }

    /// <summary>Why CUDA is not usable in this process, in one line; null when it is.</summary>
    public static string? CudaProblem
    {
        get
        {
            TorchRuntime.EnsureInitialized();
            return TorchRuntime.CudaProblem;
        }
    }

    /// <summary>A short, file-name-safe class of the device used for per-device snapshots:
    /// <c>cpu</c> or <c>cuda-smXY</c>.</summary>
    public static string DeviceClass(torch.Device device)
    {
        if (device.type != DeviceType.CUDA) return "cpu";
        var info = CudaDriver.TryDescribe(device.index < 0 ? 0 : device.index);
        return info is null ? "cuda" : $"cuda-sm{info.Major}{info.Minor}";
    }
}
