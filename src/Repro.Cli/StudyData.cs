using System.Reflection;
using Repro.Data;

namespace Repro.Cli;

/// <summary>The vendored MTH416 images as the CLI finds them: from the working folder, the program's folder, or the
/// repository this binary was built from.</summary>
internal static class StudyData
{
    private static readonly string? BuildRoot = typeof(StudyData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "ReproRoot")?.Value;

    /// <summary>The full path of data/mth416, or null when this CLI runs without the data.</summary>
    public static string? Find() => VendoredData.Find(BuildRoot);
}
