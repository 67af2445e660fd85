namespace Repro.Runtime;

/// <summary>What a run ran on: recorded in every result file and printed by <c>repro doctor</c>.</summary>
/// <param name="TorchSharpVersion">TorchSharp assembly version.</param>
/// <param name="LibTorchVersion">libtorch version as TorchSharp reports it.</param>
/// <param name="Backend">Build-time backend: cpu, cuda or external.</param>
/// <param name="Threads">Intra-op threads in force.</param>
/// <param name="CpuIsa">The instruction set that was asked for (avx2, avx512, native).</param>
/// <param name="CpuCapability">The instruction set ATen's kernels dispatch on, as libtorch reports it.</param>
/// <param name="DeterministicAlgorithms">Read back from libtorch.</param>
/// <param name="DeterministicCuDnn">Read back from libtorch.</param>
/// <param name="BenchmarkCuDnn">Read back from libtorch.</param>
/// <param name="CudaAvailable">True when CUDA devices can be used.</param>
/// <param name="CudaDevices">Each CUDA device's facts.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="ProcessorCount">Logical processors of the machine.</param>
/// <param name="DotNetVersion">.NET runtime version.</param>
public sealed record EnvironmentInfo(
    string TorchSharpVersion,
    string LibTorchVersion,
    string Backend,
    int Threads,
    string CpuIsa,
    string CpuCapability,
    bool DeterministicAlgorithms,
    bool DeterministicCuDnn,
    bool BenchmarkCuDnn,
    bool CudaAvailable,
    IReadOnlyList<CudaDeviceInfo> CudaDevices,
    string Os,
    int ProcessorCount,
    string DotNetVersion)
{
    /// <summary>Reads the environment of this process (initialises the runtime if needed).</summary>
    public static EnvironmentInfo Collect()
    {
        var options = TorchRuntime.EnsureInitialized();
        var devices = new List<CudaDeviceInfo>();
        if (TorchRuntime.CudaUsable)
            for (int i = 0; i < TorchSharp.torch.cuda.device_count(); i++)
                devices.Add(CudaDriver.TryDescribe(i) ?? new CudaDeviceInfo(i, "CUDA device", 0, 0, 0));
        return new EnvironmentInfo(
            TorchRuntime.TorchSharpVersion,
            TorchSharp.torch.__version__,
            TorchRuntime.Backend,
            TorchSharp.torch.get_num_threads(),
            options.CpuIsa,
            LibTorchContext.CpuCapability,
            LibTorchContext.DeterministicAlgorithms,
            LibTorchContext.DeterministicCuDnn,
            LibTorchContext.BenchmarkCuDnn,
            TorchRuntime.CudaUsable,
            devices,
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            Environment.Version.ToString());
    }
}
