namespace Repro.Data;

/// <summary>
/// The study's images vendored in the repository (<c>data/mth416</c>), found from wherever the program runs: the
/// working folder or one of its parents, the program's own folder or one of its parents (a CLI built inside the
/// repository), then any root the caller knows (the repository a binary was built from).
/// </summary>
public static class VendoredData
{
    /// <summary>The folder inside the repository.</summary>
    public static string RelativePath { get; } = Path.Combine("data", "mth416");

    /// <summary>The full path of <c>data/mth416</c>, or null when none is found (a published CLI without the data).</summary>
    public static string? Find(params string?[] extraRoots)
    {
        var starts = new List<string?> { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (string? start in starts)
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (IsDataset(Path.Combine(dir.FullName, RelativePath))) return Path.Combine(dir.FullName, RelativePath);
        foreach (string? root in extraRoots)
            if (!string.IsNullOrEmpty(root) && IsDataset(Path.Combine(root, RelativePath))) return Path.GetFullPath(Path.Combine(root, RelativePath));
        return null;
    }

    // The three split folders: a stray empty data/mth416 (a clone without the images) does not count.
    private static bool IsDataset(string path) =>
        Directory.Exists(Path.Combine(path, "train")) && Directory.Exists(Path.Combine(path, "val")) && Directory.Exists(Path.Combine(path, "test"));
}
