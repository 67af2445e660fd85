using System.Reflection;

namespace Repro.Tests;

/// <summary>Paths inside the repository, wherever the test binaries were built (see REPRO_ARTIFACTS).</summary>
internal static class RepoPaths
{
    /// <summary>The repository root (baked in at build time).</summary>
    public static string Root { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "ReproRoot").Value!);

    /// <summary>The vendored MTH416 dataset.</summary>
    public static string Mth416 => Path.Combine(Root, "data", "mth416");

    /// <summary>A fresh empty temporary folder, deleted by the OS eventually.</summary>
    public static string NewTempDir(string tag)
    {
        string dir = Path.Combine(Path.GetTempPath(), "repro-tests", $"{tag}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
