using TorchSharp;

namespace Repro.Runtime;

/// <summary>
/// What every cache key carries besides its inputs: the libtorch version (a new libtorch may compute other
/// bits), next to the version constant of the code that fills the entry (decoder, forward pass, converter).
/// </summary>
public static class CacheStamp
{
    /// <summary>The loaded libtorch's version (the runtime is set up with its defaults if nothing did so before).</summary>
    public static string LibTorchVersion
    {
        get
        {
            TorchRuntime.EnsureInitialized();
            return torch.__version__;
        }
    }

    /// <summary>"{what}=v{version};libtorch={version}": the code part of a cache key.</summary>
    public static string For(string what, int codeVersion) => $"{what}=v{codeVersion};libtorch={LibTorchVersion}";
}
