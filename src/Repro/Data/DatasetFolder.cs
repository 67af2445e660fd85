namespace Repro.Data;

/// <summary>
/// Finds the image files of a dataset folder laid out as <c>{train,val,test}/{normal,benign,cancer|malignant}/</c>
/// and checks the layout. Split and class folder names are matched case-insensitively; other files and
/// folders at the root (a README, PROVENANCE.md) are ignored, and so are hidden files (names starting
/// with '.'). Structural problems throw <see cref="InvalidDataException"/>: a missing split, an
/// unknown, missing, duplicated or empty class folder, a folder inside a class folder. A stray file
/// directly inside a split folder is a per-file problem (reported, or skipped under
/// <see cref="DataOptions.SkipBadFiles"/>).
/// </summary>
internal static class DatasetFolder
{
    /// <summary>Split names in order.</summary>
    public static readonly string[] Splits = ["train", "val", "test"];

    /// <summary>The image files under <paramref name="root"/>, in split, label, ordinal-path order, and the stray files.</summary>
    public static (List<DatasetEntry> Entries, List<SkippedFile> Strays) Scan(string root)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"dataset folder not found: {root}");
        var entries = new List<DatasetEntry>();
        var strays = new List<SkippedFile>();
        var rootDirs = Directory.GetDirectories(root).Select(d => Path.GetFileName(d)!).ToArray();
        for (int s = 0; s < Splits.Length; s++)
        {
            string split = Splits[s];
            var matches = rootDirs.Where(d => string.Equals(d, split, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (matches.Length == 0)
                throw new InvalidDataException($"{root}: missing split folder '{split}/' (expected train/, val/ and test/)");
            if (matches.Length > 1)
                throw new InvalidDataException($"{root}: split '{split}' is there twice ({string.Join(", ", matches.Select(m => m + "/"))})");
            string splitDir = matches[0];
            string splitPath = Path.Combine(root, splitDir);

            foreach (var file in Directory.GetFiles(splitPath).Select(f => Path.GetFileName(f)!).Where(f => !f.StartsWith('.')).Order(StringComparer.Ordinal))
                strays.Add(new SkippedFile($"{splitDir}/{file}", "file outside a class folder (expected normal/, benign/, cancer/ or malignant/)"));

            var classDirs = new string?[ClassLabels.Count];
            foreach (var dir in Directory.GetDirectories(splitPath).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal))
            {
                if (dir.StartsWith('.')) continue;
                int? label = ClassLabels.FromName(dir);
                if (label is null)
                    throw new InvalidDataException($"{splitDir}/{dir}: unknown class folder (expected normal, benign, cancer or malignant, in any case)");
                if (classDirs[label.Value] is { } other)
                    throw new InvalidDataException($"{splitDir}: class {ClassLabels.Names[label.Value]} has two folders, '{other}/' and '{dir}/'");
                classDirs[label.Value] = dir;
            }

            for (int label = 0; label < ClassLabels.Count; label++)
            {
                string? dir = classDirs[label];
                if (dir is null)
                    throw new InvalidDataException($"{splitDir}/: missing class folder '{ClassLabels.Names[label]}/'" +
                                                   (label == ClassLabels.Cancer ? " (or 'malignant/')" : ""));
                string classPath = Path.Combine(splitPath, dir);
                var sub = Directory.GetDirectories(classPath).Select(d => Path.GetFileName(d)!).Where(d => !d.StartsWith('.')).ToArray();
                if (sub.Length > 0)
                    throw new InvalidDataException($"{splitDir}/{dir}/{sub.Order(StringComparer.Ordinal).First()}: unexpected folder inside a class folder");
                var files = Directory.GetFiles(classPath).Select(f => Path.GetFileName(f)!).Where(f => !f.StartsWith('.'))
                    .Order(StringComparer.Ordinal).ToArray();
                if (files.Length == 0)
                    throw new InvalidDataException($"{splitDir}/{dir}: empty class folder (no image files)");
                foreach (var f in files)
                    entries.Add(new DatasetEntry(s, label, $"{splitDir}/{dir}/{f}", Path.Combine(classPath, f)));
            }
        }
        return (entries, strays);
    }
}
