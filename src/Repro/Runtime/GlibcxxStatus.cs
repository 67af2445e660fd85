using Repro.Build;

namespace Repro.Runtime;

/// <summary>Whether the build's GLIBCXX step (build/GlibcxxCompat.targets) shaped the loaded libLibTorchSharp.so.</summary>
public static class GlibcxxStatus
{
    /// <summary>The version requirement the step weakens.</summary>
    public const string Version = "GLIBCXX_3.4.32";

    /// <summary>A one-line description for <c>repro doctor</c>.</summary>
    public static string Describe()
    {
        TorchRuntime.EnsureInitialized();
        string? path = LibTorchContext.LoadedPath("libLibTorchSharp.so");
        if (path is null) return "libLibTorchSharp.so is not mapped in this process";
        string? host = ElfVersionNeeds.FindSystemLibStdCxx();
        bool hostHas = host is not null && ElfVersionNeeds.ReadDefinitions(File.ReadAllBytes(host), host).Contains(Version);
        var need = ElfVersionNeeds.ReadNeeds(File.ReadAllBytes(path), path).FirstOrDefault(n => n.Version == Version);
        string hostText = host is null ? "no system libstdc++ found" : $"{host} {(hostHas ? "defines" : "lacks")} {Version}";
        if (need is null) return $"not needed: {path} does not require {Version} ({hostText})";
        return need.IsWeak
            ? $"applied: {Version} is weak in {path} ({hostText})"
            : $"not applied: {Version} is required by {path} ({hostText})";
    }
}
