namespace Repro.Data;

/// <summary>
/// Finding and reading image files on disk without being fooled by symbolic links: a dangling link or a
/// link loop is a bad file with its reason (never an exception from deep inside a parallel loop), and a walk
/// of a folder tree visits every real folder once, whatever directory links point back into it.
/// </summary>
public static class ImageFiles
{
    /// <summary>The extensions the loader and <c>predict</c> read.</summary>
    public static bool HasImageExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png";

    /// <summary>
    /// The bytes of <paramref name="path"/>, or null with the reason: a dangling symbolic link, a symbolic link
    /// loop, or the error of the read itself (permission, I/O).
    /// </summary>
    public static byte[]? TryRead(string path, out string? reason)
    {
        reason = LinkProblem(path);
        if (reason is not null) return null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = $"unreadable ({e.Message})";
            return null;
        }
    }

    /// <summary>Why the symbolic link at <paramref name="path"/> cannot be followed to a file; null when it is no
    /// link or a good one.</summary>
    public static string? LinkProblem(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not { } target) return null;
        try
        {
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final is null || !final.Exists)
                return $"dangling symbolic link (its target '{target}' does not exist)";
            if (final is DirectoryInfo) return $"symbolic link to a folder ('{target}'), not an image file";
            return null;
        }
        catch (IOException)
        {
            return $"symbolic link loop (the link '{target}' leads back to itself)";
        }
    }

    /// <summary>
    /// Every JPEG/PNG file under <paramref name="directory"/> in ordinal path order, each real file once: a
    /// directory link to a folder already visited (a loop, or a second way into the same folder) is not
    /// followed, and of several names of one file (file links) the real one is kept; what is left out goes to
    /// <paramref name="skipped"/> with the reason, as do dangling links and link loops. Real folders are walked
    /// before folder links, so a link never hides the folder it points to.
    /// </summary>
    public static List<string> Enumerate(string directory, List<SkippedFile> skipped)
    {
        string root = Path.GetFullPath(directory);
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(string Path, string Target, bool IsLink)>();
        var realDirs = new Stack<string>();
        var linkDirs = new Stack<string>();
        realDirs.Push(root);
        while (realDirs.Count + linkDirs.Count > 0)
        {
            string dir = realDirs.Count > 0 ? realDirs.Pop() : linkDirs.Pop();
            string? real = RealPath(dir);
            string rel = Relative(root, dir);
            if (real is null)
            {
                skipped.Add(new SkippedFile(rel + "/", LinkProblem(dir) ?? "folder cannot be resolved"));
                continue;
            }
            if (!seenDirs.Add(real))
            {
                skipped.Add(new SkippedFile(rel + "/", $"folder link to '{Relative(root, real)}/', already visited: not followed (each file is counted once)"));
                continue;
            }
            foreach (string sub in Directory.EnumerateDirectories(dir).OrderByDescending(d => d, StringComparer.Ordinal))
                (new DirectoryInfo(sub).LinkTarget is null ? realDirs : linkDirs).Push(sub);
            foreach (string file in Directory.EnumerateFiles(dir).Where(HasImageExtension))
            {
                if (LinkProblem(file) is { } problem)
                {
                    skipped.Add(new SkippedFile(Relative(root, file), problem));
                    continue;
                }
                candidates.Add((file, RealPath(file) ?? file, new FileInfo(file).LinkTarget is not null));
            }
        }
        var files = new List<string>();
        foreach (var group in candidates.GroupBy(c => c.Target, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(c => c.IsLink).ThenBy(c => c.Path, StringComparer.Ordinal).ToList();
            files.Add(ordered[0].Path);
            foreach (var other in ordered.Skip(1))
                skipped.Add(new SkippedFile(Relative(root, other.Path), $"another name of {Relative(root, ordered[0].Path)}: counted once"));
        }
        files.Sort(StringComparer.Ordinal);
        skipped.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        return files;
    }

    private static string Relative(string root, string path)
    {
        string rel = Path.GetRelativePath(root, path).Replace('\\', '/');
        return rel == "." ? "." : rel;
    }

    // The path with every link resolved (null for a loop or a dangling link).
    private static string? RealPath(string path)
    {
        try
        {
            string full = Path.GetFullPath(path);
            string? parent = Path.GetDirectoryName(full);
            string resolvedParent = parent is null ? full : (RealPath(parent) ?? parent);
            string here = parent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
            FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
            if (info.LinkTarget is null) return here;
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final is null || !final.Exists) return null;
            return RealPath(final.FullName);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
