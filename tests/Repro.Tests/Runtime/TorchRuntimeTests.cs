using Repro.Runtime;
using TorchSharp;

namespace Repro.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void TorchSharp_loads_and_computes_on_this_machine()
    {
        TestRuntime.Init();
        Assert.Null(ComputeCheck.Run(torch.CPU));
        Assert.StartsWith("2.10.0", torch.__version__);
    }

    [Fact]
    public void Threads_and_determinism_are_read_back_from_libtorch()
    {
        TestRuntime.Init();
        Assert.Equal(2, torch.get_num_threads());
        Assert.True(LibTorchContext.DeterministicAlgorithms);
        Assert.True(LibTorchContext.DeterministicCuDnn);
        Assert.False(LibTorchContext.BenchmarkCuDnn);
        Assert.False(LibTorchContext.DeterministicFillUninitializedMemory);
    }

    [Theory]
    [InlineData("/app/libtorch_cuda.so: cannot open shared object file: No such file or directory\nlibtorch_cuda.so: cannot open shared object file: No such file or directory",
                "not found beside the application or on LD_LIBRARY_PATH")]
    [InlineData("/app/libtorch_cuda.so: cannot open shared object file: No such file or directory\nlibc10_cuda.so: cannot open shared object file: No such file or directory",
                "libc10_cuda.so: cannot open shared object file")]
    [InlineData("/lib/libtorch_cuda.so: undefined symbol: _ZN3c104cuda9SetDeviceEi", "undefined symbol: _ZN3c104cuda9SetDeviceEi")]
    public void A_cuda_library_that_does_not_load_is_explained_by_the_loaders_own_line(string tries, string expected)
    {
        string message = "Unable to load shared library 'libtorch_cuda.so' or one of its dependencies. In order to help diagnose " +
                         "loading problems, consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \n" + tries;
        Assert.Contains(expected, TorchRuntime.CudaLoadFailure(message));
    }

    [Fact]
    public void The_nan_fill_switch_reaches_libtorch()
    {
        // What the runtime switches off: with it on, deterministic mode fills every new uninitialised tensor with NaN.
        TestRuntime.Init();
        try
        {
            LibTorchContext.SetDeterministicFillUninitializedMemory(true);
            using var filled = torch.empty(64);
            Assert.True(filled.isnan().all().item<bool>());
        }
        finally
        {
            LibTorchContext.SetDeterministicFillUninitializedMemory(false);
        }
        Assert.False(LibTorchContext.DeterministicFillUninitializedMemory);
    }

    [Fact]
    public void Kernels_dispatch_on_the_pinned_instruction_set()
    {
        TestRuntime.Init();
        Assert.Equal("AVX2", LibTorchContext.CpuCapability);
        Assert.Equal("avx2", NativeEnvironment.Get("ATEN_CPU_CAPABILITY"));
        Assert.Equal("AVX2", NativeEnvironment.Get("ONEDNN_MAX_CPU_ISA"));
    }

    [Fact]
    public void Native_environment_reaches_getenv()
    {
        NativeEnvironment.Set("REPRO_TEST_VARIABLE", "seen-by-libc");
        Assert.Equal("seen-by-libc", NativeEnvironment.Get("REPRO_TEST_VARIABLE"));
    }

    [Fact]
    public void Asking_for_another_instruction_set_after_start_is_an_error()
    {
        TestRuntime.Init();
        var e = Assert.Throws<InvalidOperationException>(() => TorchRuntime.EnsureInitialized(TestRuntime.Options with { CpuIsa = "native" }));
        Assert.Contains("new process", e.Message);
        TestRuntime.Init();
    }

    [Fact]
    public void Cuda_request_without_cuda_names_the_way_out()
    {
        TestRuntime.Init();
        if (Devices.CudaAvailable)
        {
            Assert.Equal(DeviceType.CUDA, Devices.Resolve("cuda").type);
            return;
        }
        var e = Assert.Throws<InvalidOperationException>(() => Devices.Resolve("cuda"));
        Assert.Contains("CUDA is not usable here", e.Message);
        Assert.Contains(Devices.CudaProblem!, e.Message); // the reason, e.g. a CPU-only libtorch
        Assert.Contains("--device cpu", e.Message);
        Assert.Equal(DeviceType.CPU, Devices.Resolve("auto").type);
    }

    [Fact]
    public void Unknown_device_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => Devices.Resolve("tpu"));
        Assert.Contains("tpu", e.Message);
    }

    [Fact]
    public void Generators_from_one_seed_and_stream_repeat_and_streams_differ()
    {
        TestRuntime.Init();
        using var a = TorchRuntime.Generator(42, 1);
        using var b = TorchRuntime.Generator(42, 1);
        using var c = TorchRuntime.Generator(42, 2);
        var ra = torch.rand(8, generator: a).data<float>().ToArray();
        var rb = torch.rand(8, generator: b).data<float>().ToArray();
        var rc = torch.rand(8, generator: c).data<float>().ToArray();
        Assert.Equal(ra, rb);
        Assert.NotEqual(ra, rc);
    }
}
