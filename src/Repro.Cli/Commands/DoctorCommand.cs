using Repro.Runtime;

namespace Repro.Cli.Commands;

/// <summary><c>repro doctor</c>: what runtime this is, and proof that it computes.</summary>
internal sealed class DoctorCommand : ICommand
{
    public string Name => "doctor";
    public string Summary => "print TorchSharp/libtorch versions, devices, determinism; check that it computes";
    public string Usage => "usage: repro doctor [--device cpu|cuda|auto] [--config]\n" + RuntimeArgs.Usage +
                           "\n  --config             also print libtorch's build configuration";

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var options = RuntimeArgs.Read(args);
        string deviceName = args.String("--device") ?? "auto";
        bool config = args.Flag("--config");
        args.EnsureAllUsed();

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
