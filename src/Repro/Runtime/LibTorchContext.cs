using System.Reflection;
using System.Runtime.InteropServices;

namespace Repro.Runtime;

/// <summary>
/// libtorch's global <c>at::Context</c>, reached through the C++ symbols that <c>libtorch_cpu</c>
/// exports. TorchSharp 0.107 marks <c>use_deterministic_algorithms</c> not implemented, so the
/// determinism and cuDNN switches are set (and read back) here directly.
/// </summary>
public static unsafe class LibTorchContext
{
    private static IntPtr _library;
    private static IntPtr _context;

    private static IntPtr Export(string symbol)
    {
        if (_library == IntPtr.Zero)
        {
            // libtorch_cpu is already mapped by TorchSharp; this resolves the same object.
            if (!NativeLibrary.TryLoad("libtorch_cpu.so", typeof(TorchSharp.torch).Assembly, DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories, out _library)
                && !NativeLibrary.TryLoad("libtorch_cpu.so", out _library)
                && !NativeLibrary.TryLoad("libtorch_cpu", typeof(TorchSharp.torch).Assembly, null, out _library))
                throw new DllNotFoundException("libtorch_cpu could not be opened to reach at::Context; is libtorch loaded?");
        }
        if (!NativeLibrary.TryGetExport(_library, symbol, out IntPtr fn))
            throw new EntryPointNotFoundException($"libtorch_cpu does not export {symbol}");
        return fn;
    }

    private static IntPtr Context
    {
        get
        {
            if (_context == IntPtr.Zero)
                _context = ((delegate* unmanaged<IntPtr>)Export("_ZN2at13globalContextEv"))();
            return _context;
        }
    }

    private static void SetFlag(string symbol, bool value) =>
        ((delegate* unmanaged<IntPtr, byte, void>)Export(symbol))(Context, value ? (byte)1 : (byte)0);

    private static bool GetFlag(string symbol) =>
        ((delegate* unmanaged<IntPtr, byte>)Export(symbol))(Context) != 0;

    /// <summary>at::Context::setDeterministicAlgorithms(enabled, warnOnly: false).</summary>
    public static void SetDeterministicAlgorithms(bool enabled) =>
        ((delegate* unmanaged<IntPtr, byte, byte, void>)Export("_ZN2at7Context26setDeterministicAlgorithmsEbb"))(Context, enabled ? (byte)1 : (byte)0, 0);

    /// <summary>at::Context::deterministicAlgorithms().</summary>
    public static bool DeterministicAlgorithms => GetFlag("_ZNK2at7Context23deterministicAlgorithmsEv");

    /// <summary>
    /// at::Context::setDeterministicFillUninitializedMemory: with deterministic algorithms on, libtorch fills every
    /// new uninitialised tensor (<c>empty</c>, <c>empty_like</c>) with NaN — a debugging aid that costs a pass over
    /// memory per allocation and never changes a result that does not read uninitialised memory.
    /// </summary>
    public static void SetDeterministicFillUninitializedMemory(bool enabled) =>
        SetFlag("_ZN2at7Context39setDeterministicFillUninitializedMemoryEb", enabled);

    /// <summary>at::Context::deterministicFillUninitializedMemory().</summary>
    public static bool DeterministicFillUninitializedMemory => GetFlag("_ZNK2at7Context36deterministicFillUninitializedMemoryEv");

    /// <summary>at::Context::setDeterministicCuDNN.</summary>
    public static void SetDeterministicCuDnn(bool enabled) => SetFlag("_ZN2at7Context21setDeterministicCuDNNEb", enabled);

    /// <summary>at::Context::deterministicCuDNN().</summary>
    public static bool DeterministicCuDnn => GetFlag("_ZNK2at7Context18deterministicCuDNNEv");

    /// <summary>at::Context::setBenchmarkCuDNN.</summary>
    public static void SetBenchmarkCuDnn(bool enabled) => SetFlag("_ZN2at7Context17setBenchmarkCuDNNEb", enabled);

    /// <summary>at::Context::benchmarkCuDNN().</summary>
    public static bool BenchmarkCuDnn => GetFlag("_ZNK2at7Context14benchmarkCuDNNEv");

    /// <summary>at::Context::setAllowTF32CuBLAS (TF32 matmuls on Ampere and later).</summary>
    public static void SetAllowTf32CuBlas(bool enabled) => SetFlag("_ZN2at7Context18setAllowTF32CuBLASEb", enabled);

    /// <summary>at::Context::allowTF32CuBLAS().</summary>
    public static bool AllowTf32CuBlas => GetFlag("_ZNK2at7Context15allowTF32CuBLASEv");

    /// <summary>at::Context::setAllowTF32CuDNN (TF32 convolutions on Ampere and later).</summary>
    public static void SetAllowTf32CuDnn(bool enabled) => SetFlag("_ZN2at7Context17setAllowTF32CuDNNEb", enabled);

    /// <summary>at::get_cpu_capability(): the ISA ATen's CPU kernels dispatch on (e.g. "AVX2").</summary>
    public static string CpuCapability => CallStringFunction("_ZN2at18get_cpu_capabilityB5cxx11Ev");

    /// <summary>at::show_config(): libtorch's build configuration (compiler, MKL, oneDNN, CUDA).</summary>
    public static string ShowConfig => CallStringFunction("_ZN2at11show_configB5cxx11Ev");

    /// <summary>at::get_parallel_info(): the thread settings libtorch is using.</summary>
    public static string ParallelInfo => CallStringFunction("_ZN2at17get_parallel_infoB5cxx11Ev");

    // A free function returning std::string (libstdc++ cxx11 ABI): the caller passes 32 bytes for the
    // result (pointer, length, 16-byte buffer/capacity). A heap-held result is left to the process
    // (these are read once, by `repro doctor`).
    private static string CallStringFunction(string symbol)
    {
        byte* result = stackalloc byte[32];
        ((delegate* unmanaged<byte*, void>)Export(symbol))(result);
        IntPtr data = *(IntPtr*)result;
        long length = *(long*)(result + 8);
        return Marshal.PtrToStringUTF8(data, checked((int)length));
    }

    /// <summary>Path of the loaded libtorch_cpu (from /proc/self/maps), or null.</summary>
    public static string? LoadedPath(string fileName)
    {
        if (!File.Exists("/proc/self/maps")) return null;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            int slash = line.IndexOf('/');
            if (slash >= 0 && line.EndsWith("/" + fileName, StringComparison.Ordinal)) return line[slash..];
        }
        return null;
    }
}
