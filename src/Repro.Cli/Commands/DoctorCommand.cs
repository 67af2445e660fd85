using System.CommandLine;
using Repro.Runtime;

namespace Repro.Cli.Commands;

/// <summary><c>repro doctor</c>: what runtime this is, and proof that it computes.</summary>
internal sealed class DoctorCommand : Verb
{
    private readonly Option<string> _device = new("--device")
    {
        Description = "cpu, cuda, cuda:N or auto: the device to check besides the CPU",
        HelpName = "D",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Option<bool> _config = new("--config") { Description = "also print libtorch's build configuration" };
    private readonly RuntimeArgs _runtime;

    public DoctorCommand() : base("doctor", "print TorchSharp/libtorch versions, devices, determinism; check that it computes")
    {
        AddOptions(_device, _config);
        _runtime = new RuntimeArgs(this);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var options = _runtime.Read(parse);
        string deviceName = parse.GetValue(_device)!;
        bool config = parse.GetValue(_config);

        TorchRuntime.EnsureInitialized(options);
        var env = EnvironmentInfo.Collect();
        stdout.WriteLine($"TorchSharp           {env.TorchSharpVersion}");
        stdout.WriteLine($"libtorch             {env.LibTorchVersion}");
        stdout.WriteLine($"backend              {env.Backend}");
        stdout.WriteLine($"GLIBCXX step         {GlibcxxStatus.Describe()}");
        stdout.WriteLine($"threads              {env.Threads} (machine has {env.ProcessorCount})");
        stdout.WriteLine($"CPU ISA              asked {env.CpuIsa}; ATen dispatches on {env.CpuCapability}");
        stdout.WriteLine($"deterministic algos  {env.DeterministicAlgorithms} (NaN fill of uninitialised memory {LibTorchContext.DeterministicFillUninitializedMemory})");
        stdout.WriteLine($"cuDNN                deterministic {env.DeterministicCuDnn}, benchmark {env.BenchmarkCuDnn}, available {env.CudaAvailable && TorchSharp.torch.cuda.is_cudnn_available()}");
        stdout.WriteLine($"CUDA                 {(env.CudaAvailable ? $"{env.CudaDevices.Count} device(s)" : $"none ({Devices.CudaProblem})")}");
        if (env.CudaAvailable)
            stdout.WriteLine($"cuBLAS workspace     CUBLAS_WORKSPACE_CONFIG={NativeEnvironment.Get("CUBLAS_WORKSPACE_CONFIG") ?? "(unset)"} (deterministic matmuls need :4096:8 or :16:8)");
        foreach (var d in env.CudaDevices)
            stdout.WriteLine($"  cuda:{d.Index}             {d.Name}, sm_{d.Major}{d.Minor}, {d.TotalMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB");
        stdout.WriteLine($".NET                 {env.DotNetVersion} on {env.Os}");
        if (config) stdout.WriteLine(LibTorchContext.ShowConfig);

        var device = Devices.Resolve(deviceName);
        var targets = new List<TorchSharp.torch.Device> { TorchSharp.torch.CPU };
        if (device.type == TorchSharp.DeviceType.CUDA) targets.Add(device);
        int failures = 0;
        foreach (var d in targets)
        {
            string? failure = ComputeCheck.Run(d);
            stdout.WriteLine($"compute on {d,-9}  {(failure is null ? "ok (matmul, conv2d, autograd)" : "FAILED: " + failure)}");
            if (failure is not null) failures++;
        }
        return failures == 0 ? 0 : 1;
    }
}
