using System.Reflection;
using TorchSharp;

namespace Repro.Runtime;

/// <summary>
/// The one owner of the native runtime: loads libtorch, pins what decides the bits of a CPU result
/// (instruction set, threads), switches on deterministic algorithms, and seeds every generator.
/// Everything else calls <see cref="EnsureInitialized"/> before it touches a tensor.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static RuntimeOptions? _options;

    /// <summary>True once libtorch is loaded and set up.</summary>
    public static bool IsInitialized => _options is not null;

    /// <summary>The options in force (after <see cref="EnsureInitialized"/>).</summary>
    public static RuntimeOptions Options => _options ?? throw new InvalidOperationException("TorchRuntime is not initialised.");

    /// <summary>True when the loaded libtorch has CUDA and at least one device.</summary>
    internal static bool CudaUsable { get; private set; }

    /// <summary>Why CUDA is not usable in this process (null when it is): what <c>doctor</c> and a refused
    /// <c>--device cuda</c> report.</summary>
    internal static string? CudaProblem { get; private set; }

    /// <summary>
    /// Sets up the runtime on first call (environment for native code, libtorch load, threads,
    /// determinism). Later calls may change the thread count and determinism; the CPU instruction set
    /// is read by native code once, so asking for another one later is an error.
    /// </summary>
    public static RuntimeOptions EnsureInitialized(RuntimeOptions? options = null)
    {
        lock (Gate)
        {
            if (_options is null)
            {
                var o = options ?? RuntimeOptions.Default;
                foreach (var (name, value) in CpuIsaPin.Variables(o.CpuIsa))
                    NativeEnvironment.Set(name, value);
                // cuBLAS reads this at handle creation: needed for deterministic CUDA matmuls.
                if (NativeEnvironment.Get("CUBLAS_WORKSPACE_CONFIG") is null)
                    NativeEnvironment.Set("CUBLAS_WORKSPACE_CONFIG", ":4096:8");
                Load();
                torch.set_num_interop_threads(1);
                _options = o;
                Apply(o);
                return o;
            }
            if (options is not null && options != _options)
            {
                if (!string.Equals(options.CpuIsa, _options.CpuIsa, StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException(
                        $"The CPU instruction set is fixed once libtorch has started (it is '{_options.CpuIsa}', '{options.CpuIsa}' was asked for); start a new process.");
                _options = options;
                Apply(options);
            }
            return _options;
        }
    }

    /// <summary>
    /// Seeds libtorch's default CPU generator and, where present, every CUDA generator.
    /// The project's own generators are made with <see cref="Generator"/>.
    /// </summary>
    public static void Seed(long seed)
    {
        EnsureInitialized();
        torch.manual_seed(seed);
        torch.random.manual_seed(seed);
        if (CudaUsable) torch.cuda.manual_seed_all(seed);
    }

    /// <summary>
    /// A generator of its own for one purpose (sampling, augmentation, init), derived from the run's
    /// seed and a stream number, so that adding draws in one place never shifts another.
    /// </summary>
    public static torch.Generator Generator(long seed, int stream, torch.Device? device = null)
    {
        EnsureInitialized();
        return new torch.Generator(DerivedSeed(seed, stream), device ?? torch.CPU);
    }

    /// <summary>
    /// Seeds every CUDA generator from the run's seed and a stream number (nothing without CUDA). The trainer
    /// does this at each epoch's start on CUDA: dropout there draws from the CUDA default generator, whose state
    /// TorchSharp 0.107 cannot read back, so a resumed run re-derives it instead of restoring it.
    /// </summary>
    public static void SeedCuda(long seed, int stream)
    {
        EnsureInitialized();
        if (CudaUsable) torch.cuda.manual_seed_all((long)DerivedSeed(seed, stream));
    }

    /// <summary>A seed for one stream of a run: SplitMix64 of the run's seed mixed with the stream number (63 bits).</summary>
    public static ulong DerivedSeed(long seed, int stream)
    {
        ulong state = (ulong)seed ^ (0x9E3779B97F4A7C15UL * (ulong)(stream + 1));
        return Xoshiro256StarStar.SplitMix64(ref state) >> 1;
    }

    /// <summary>
    /// TF32 tensor-core math for CUDA matmuls and convolutions while the returned scope lives (a preset's
    /// <c>speed.tf32</c>); disposing it puts back what <see cref="Options"/> says. Nothing to do without CUDA.
    /// </summary>
    public static IDisposable UseTf32(bool enabled)
    {
        EnsureInitialized();
        if (!CudaUsable || enabled == Options.AllowTf32) return NoScope.Instance;
        SetTf32(enabled);
        return new Tf32Scope();
    }

    private static void SetTf32(bool enabled)
    {
        LibTorchContext.SetAllowTf32CuBlas(enabled);
        LibTorchContext.SetAllowTf32CuDnn(enabled);
    }

    private sealed class Tf32Scope : IDisposable
    {
        private bool _done;
        public void Dispose()
        {
            if (_done) return;
            _done = true;
            SetTf32(Options.AllowTf32);
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();
        public void Dispose() { }
    }

    /// <summary>TorchSharp's assembly version (e.g. 0.107.0).</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "?";

    /// <summary>The backend this build was made with (cpu, cuda or external).</summary>
    public static string Backend =>
        typeof(TorchRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TorchBackend")?.Value ?? "?";

    private static void Apply(RuntimeOptions o)
    {
        torch.set_num_threads(o.ResolvedThreads);
        LibTorchContext.SetDeterministicAlgorithms(o.Deterministic);
        // Deterministic mode would also fill every new uninitialised tensor with NaN (a debugging aid): a memory pass
        // per allocation — ~35 % of BatchNorm's backward at 224 px on the CPU, an extra kernel per allocation on CUDA —
        // that changes no result (every kernel writes its output before reading it; the snapshots are unchanged).
        LibTorchContext.SetDeterministicFillUninitializedMemory(false);
        LibTorchContext.SetDeterministicCuDnn(o.Deterministic);
        LibTorchContext.SetBenchmarkCuDnn(false);
        if (CudaUsable) SetTf32(o.AllowTf32);
    }

    private static string? FindCudaProblem()
    {
        try
        {
            if (!torch.TryInitializeDeviceType(DeviceType.CUDA))
            {
                if (Backend == "cpu") return "this build's libtorch is CPU-only (TorchBackend=cpu)";
                // TorchSharp's own probe hides the loader's reason; dlopen it once more to get it.
                try
                {
                    System.Runtime.InteropServices.NativeLibrary.Free(
                        System.Runtime.InteropServices.NativeLibrary.Load("libtorch_cuda.so", typeof(torch).Assembly, null)); // as TorchSharp searches
                    return "libtorch_cuda.so loads but reports CUDA unavailable (no device, or a driver too old for this libtorch)";
                }
                catch (Exception e)
                {
                    return "libtorch_cuda.so could not be loaded: " + CudaLoadFailure(e.Message);
                }
            }
            if (!torch.cuda.is_available() || torch.cuda.device_count() == 0)
                return "libtorch has CUDA but sees no device (driver missing or too old for this libtorch, or CUDA_VISIBLE_DEVICES hides it)";
            return null;
        }
        catch (Exception e)
        {
            return "CUDA initialisation failed: " + e.Message.Split('\n')[0];
        }
    }

    /// <summary>
    /// The reason in .NET's "unable to load shared library" message, which ends with the loader's line (dlerror) for
    /// each place it tried: a real failure (a missing dependency, an undefined symbol, a bad file) where there is one,
    /// else that the library was not found.
    /// </summary>
    internal static string CudaLoadFailure(string message)
    {
        var tries = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1);
        return tries.FirstOrDefault(l =>
                   !(l.Contains("libtorch_cuda.so", StringComparison.Ordinal) && l.Contains("cannot open shared object file", StringComparison.Ordinal)))
               ?? "not found beside the application or on LD_LIBRARY_PATH (a CUDA libtorch's lib folder belongs there)";
    }

    private static void Load()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                "TorchSharp could not load libtorch. On Debian 12 / Ubuntu 22.04 this is usually libLibTorchSharp.so " +
                "requiring GLIBCXX_3.4.32: build through the repository (its GLIBCXX step patches the output copy) " +
                "rather than copying binaries by hand; with -p:TorchBackend=external put libtorch's lib folder on " +
                "LD_LIBRARY_PATH. Run 'repro doctor' for details. Cause: " + e.Message, e);
        }
        CudaProblem = FindCudaProblem();
        CudaUsable = CudaProblem is null;
    }
}
