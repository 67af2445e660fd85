using System.Reflection;

namespace Repro.Models;

/// <summary>
/// Finds the files of the NuGet package <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> (restored
/// through a PackageReference with <c>ExcludeAssets="all"</c>): <c>REPRO_RESNET18_ONNX</c> (a path to
/// <c>ResNet18.onnx</c>) first, then the package folder baked in at build time, then the NuGet cache
/// (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).
/// </summary>
public static class ResNet18OnnxPackage
{
    /// <summary>The environment variable that points at a <c>ResNet18.onnx</c> file.</summary>
    public const string EnvironmentVariable = "REPRO_RESNET18_ONNX";

    /// <summary>The package id (lower case, as in the NuGet cache).</summary>
    public const string PackageId = "microsoft.ml.dnnimagefeaturizer.resnet18";

    /// <summary>The version the build references.</summary>
    public const string PackageVersion = "0.23.1";

    private const string ModelRelative = "tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx";
    private const string PreprocessRelative = "tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>The path of <c>ResNet18.onnx</c>; a clear <see cref="FileNotFoundException"/> listing the places looked in when absent.</summary>
    public static string FindModel()
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
            return File.Exists(env) ? Path.GetFullPath(env)
                : throw new FileNotFoundException($"{EnvironmentVariable}='{env}' does not name an existing file.", env);
        return Find(ModelRelative);
    }

    /// <summary>The path of <c>ResNetPreprocess.onnx</c> (BGR reorder and mean-image subtraction), from the same package.</summary>
    public static string FindPreprocess()
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            // …/ResNet18Onnx/ResNet18.onnx → …/ResNetPrepOnnx/ResNetPreprocess.onnx
            string? tools = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(env)));
            string sibling = Path.Combine(tools ?? ".", "ResNetPrepOnnx", "ResNetPreprocess.onnx");
            if (File.Exists(sibling)) return sibling;
        }
        return Find(PreprocessRelative);
    }

    /// <summary>The package folders tried, in order (existing or not).</summary>
    public static IReadOnlyList<string> CandidateFolders()
    {
        var folders = new List<string>();
        string? baked = typeof(ResNet18OnnxPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ResNet18OnnxPackage")?.Value;
        if (!string.IsNullOrWhiteSpace(baked)) folders.Add(baked);
        var roots = new List<string>();
        string? nugetPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(nugetPackages)) roots.Add(nugetPackages);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home)) roots.Add(Path.Combine(home, ".nuget", "packages"));
        foreach (var root in roots)
        {
            string package = Path.Combine(root, PackageId);
            folders.Add(Path.Combine(package, PackageVersion));
            if (Directory.Exists(package))
                folders.AddRange(Directory.GetDirectories(package).OrderByDescending(d => d, StringComparer.Ordinal));
        }
        return folders.Select(f => Path.GetFullPath(f)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Find(string relative)
    {
        var folders = CandidateFolders();
        foreach (var folder in folders)
        {
            string candidate = Path.Combine(folder, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"The ImageNet ResNet18 ONNX ({relative}) of NuGet package {PackageId} {PackageVersion} was not found. " +
            $"Run 'dotnet restore' (src/Repro references the package), or set {EnvironmentVariable} to a ResNet18.onnx file. " +
            $"Looked in: {(folders.Count == 0 ? "(no candidate folder)" : string.Join(", ", folders))}.");
    }
}
