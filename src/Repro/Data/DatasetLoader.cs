using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Repro.Data.Synthetic;

namespace Repro.Data;

/// <summary>
/// Loads a dataset's three splits into CPU <see cref="TensorSet"/>s: uint8 <c>[N,1,H,W]</c> images, int64
/// labels (0 Normal, 1 Benign, 2 Cancer), patient/case ids (<see cref="SampleIds"/>) and '/'-separated
/// relative paths; within a split, samples are in class order, then in ordinal path order.
/// <para>
/// From a folder (<see cref="DataOptions.Directory"/>): <c>{train,val,test}/{normal,benign,cancer|malignant}/</c>
/// (<see cref="DatasetFolder"/>), every file decoded by <see cref="ImageDecoding"/> (JPEG/PNG, grey,
/// resized to <see cref="DataOptions.ImageSize"/> unless already at size). A bad file stops the load
/// (a symbolic link loop or a dangling link included) with an <see cref="InvalidDataException"/> naming its
/// relative path and the reason, unless
/// <see cref="DataOptions.SkipBadFiles"/> is set, in which case it is left out and listed in
/// <see cref="DatasetSplits.Skipped"/>.
/// </para>
/// <para>
/// Without a folder: the embedded synthetic set (<see cref="SyntheticMammograms"/>), generated in memory at
/// the configured size and then assembled, fingerprinted and cached by the same code as real data.
/// </para>
/// <para>
/// Cache: the decoded splits are stored under <see cref="DataOptions.ResolveCacheDirectory"/> keyed by a
/// SHA-256 over every input file's relative path, size and content hash (or the synthetic seed, scale and
/// generator version), the decode settings, the skip/cap options, the cache format version, the decoder's code
/// version and the libtorch version (<see cref="Runtime.CacheStamp"/>), so a
/// second load reads one file instead of decoding (<see cref="DatasetSplits.FromCache"/>). Modification
/// times are deliberately not part of the key: the content hash already catches every change, and a
/// fresh clone or copy of the same bytes should hit the cache.
/// </para>
/// </summary>
public static class DatasetLoader
{
    /// <summary>Loads the splits described by <paramref name="options"/>; progress lines go to <paramref name="progress"/>.</summary>
    public static DatasetSplits Load(DataOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var data = options.Directory is null ? LoadSynthetic(options, progress) : LoadFolder(options, progress);
        if (options.HarmonizeJpegQuality is int quality)
            data = data with { Source = $"{data.Source} [{ImageDecoding.HarmonizeSettings(quality)}]" };
        return options.Fold is { } fold ? FoldPartition.Apply(data, fold) : data;
    }

    private static DatasetSplits LoadFolder(DataOptions options, IProgress<string>? progress)
    {
        string root = Path.GetFullPath(options.Directory!);
        var (entries, strays) = DatasetFolder.Scan(root);
        if (strays.Count > 0 && !options.SkipBadFiles) throw BadFiles(strays, root);

        var watch = Stopwatch.StartNew();
        var bytes = new byte[]?[entries.Count];
        var hashes = new byte[entries.Count][];
        var unreadable = new string?[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            bytes[i] = ImageFiles.TryRead(entries[i].FullPath, out unreadable[i]);
            hashes[i] = bytes[i] is { } b ? SHA256.HashData(b) : [];
        });
        if (!options.SkipBadFiles)
        {
            var bad = strays.Concat(Enumerable.Range(0, entries.Count).Where(i => unreadable[i] is not null)
                .Select(i => new SkippedFile(entries[i].RelativePath, unreadable[i]!))).ToList();
            bad.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
            if (bad.Count > 0) throw BadFiles(bad, root);
        }
        var warnings = CrossSplitCopies(entries, hashes);

        using var key = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BeginKey(key, "folder", options);
        DecodedDataset.AppendInt(key, options.SkipBadFiles ? 1 : 0);
        DecodedDataset.AppendInt(key, options.MaxDecodedPixels);
        foreach (var s in strays) DecodedDataset.AppendString(key, s.Path);
        for (int i = 0; i < entries.Count; i++)
        {
            DecodedDataset.AppendString(key, entries[i].RelativePath);
            if (bytes[i] is null)
            {
                DecodedDataset.AppendString(key, "unreadable: " + unreadable[i]);
                continue;
            }
            DecodedDataset.AppendInt(key, bytes[i]!.LongLength);
            key.AppendData(hashes[i]);
        }
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"{root}: {entries.Count} files read and hashed in {watch.Elapsed.TotalSeconds:F2} s"));

        foreach (var w in warnings) progress?.Report("warning: " + w);
        return WithCache(options, FinishKey(key), root, progress, () =>
        {
            var sw = Stopwatch.StartNew();
            var pixels = new byte[entries.Count][];
            var errors = new string?[entries.Count];
            Parallel.For(0, entries.Count, i =>
            {
                if (bytes[i] is null) { errors[i] = unreadable[i]; return; }
                try { pixels[i] = ImageDecoding.Decode(bytes[i]!, options.ImageSize, options.MaxDecodedPixels, options.HarmonizeJpegQuality); }
                catch (BadImageException e) { errors[i] = e.Reason; }
            });
            var skipped = new List<SkippedFile>(strays);
            for (int i = 0; i < entries.Count; i++)
                if (errors[i] is { } reason) skipped.Add(new SkippedFile(entries[i].RelativePath, reason));
            skipped.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
            if (skipped.Count > 0 && !options.SkipBadFiles) throw BadFiles(skipped, root);

            var items = new List<Item>(entries.Count);
            for (int i = 0; i < entries.Count; i++)
            {
                if (pixels[i] is null) continue;
                items.Add(new Item(entries[i].SplitIndex, entries[i].Label, entries[i].RelativePath, pixels[i]));
            }
            foreach (var group in entries.GroupBy(e => (e.SplitIndex, e.Label)))
            {
                if (items.Any(it => it.Split == group.Key.SplitIndex && it.Label == group.Key.Label)) continue;
                string folder = group.First().RelativePath[..group.First().RelativePath.LastIndexOf('/')];
                throw new InvalidDataException($"{folder}: no usable image left in this class folder (all {group.Count()} file(s) skipped as bad)");
            }
            var data = Assemble(items, options, skipped.ToArray());
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"{root}: decoded {items.Count} images in {sw.Elapsed.TotalSeconds:F2} s{(skipped.Count > 0 ? $", skipped {skipped.Count}" : "")}"));
            return data;
        }) with { Warnings = warnings };
    }

    /// <summary>
    /// One warning per pair of splits that share files with identical bytes (train and test, train and val, val
    /// and test): a model tested on images it trained on reports too good a number. The run may go on — the
    /// audit shows the whole picture — but it says so.
    /// </summary>
    private static List<string> CrossSplitCopies(List<DatasetEntry> entries, byte[][] hashes)
    {
        var warnings = new List<string>();
        var byHash = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            if (hashes[i].Length == 0) continue;
            string h = Convert.ToHexString(hashes[i]);
            if (!byHash.TryGetValue(h, out var list)) byHash[h] = list = [];
            list.Add(i);
        }
        foreach (var (a, b) in new[] { (0, 2), (0, 1), (1, 2) })
        {
            var pairs = byHash.Values
                .Select(g => (First: g.FirstOrDefault(i => entries[i].SplitIndex == a, -1), Second: g.FirstOrDefault(i => entries[i].SplitIndex == b, -1)))
                .Where(p => p.First >= 0 && p.Second >= 0)
                .OrderBy(p => entries[p.First].RelativePath, StringComparer.Ordinal).ToList();
            if (pairs.Count == 0) continue;
            var first = pairs[0];
            warnings.Add($"the same file is in {DatasetFolder.Splits[a]} and {DatasetFolder.Splits[b]}: " +
                         $"{entries[first.First].RelativePath} = {entries[first.Second].RelativePath}" +
                         (pairs.Count > 1 ? $" (and {pairs.Count - 1} more identical file(s))" : "") +
                         $"; the {DatasetFolder.Splits[b]} numbers are not independent of training (`repro audit` lists them all)");
        }
        return warnings;
    }

    private static DatasetSplits LoadSynthetic(DataOptions options, IProgress<string>? progress)
    {
        var synthetic = options.Synthetic;
        string source = synthetic.Describe();
        using var key = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BeginKey(key, "synthetic", options);
        DecodedDataset.AppendInt(key, SyntheticMammograms.GeneratorVersion);
        DecodedDataset.AppendInt(key, synthetic.Seed);
        DecodedDataset.AppendString(key, synthetic.Scale.ToString("R", CultureInfo.InvariantCulture));

        return WithCache(options, FinishKey(key), source, progress, () =>
        {
            var sw = Stopwatch.StartNew();
            var plan = SyntheticMammograms.Plan(synthetic);
            var items = new Item[plan.Count];
            Parallel.For(0, plan.Count, i =>
            {
                var p = plan[i];
                byte[] pixels = SyntheticMammograms.Render(p, synthetic, options.ImageSize);
                if (options.HarmonizeJpegQuality is int quality)
                    pixels = ImageDecoding.Harmonize(pixels, options.ImageSize, options.ImageSize, quality).Pixels;
                items[i] = new Item(p.SplitIndex, p.Label, p.RelativePath,
                    ImageDecoding.ToSize(pixels, options.ImageSize, options.ImageSize, options.ImageSize));
            });
            var data = Assemble(items, options, []);
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"{source}: generated {items.Length} images in {sw.Elapsed.TotalSeconds:F2} s"));
            return data;
        });
    }

    private sealed record Item(int Split, int Label, string Path, byte[] Pixels);

    /// <summary>Splits in order; within a split, class order, then ordinal path order; plus the fingerprint.</summary>
    private static DecodedDataset Assemble(IReadOnlyList<Item> items, DataOptions options, SkippedFile[] skipped)
    {
        int imageSize = options.ImageSize;
        int plane = imageSize * imageSize;
        var splits = new DecodedSplit[DatasetFolder.Splits.Length];
        for (int s = 0; s < splits.Length; s++)
        {
            var chosen = items.Where(it => it.Split == s)
                .OrderBy(it => it.Label).ThenBy(it => it.Path, StringComparer.Ordinal).ToArray();
            if ((long)chosen.Length * plane > Array.MaxLength)
                throw new InvalidDataException($"{DatasetFolder.Splits[s]}: {chosen.Length} images of {imageSize}x{imageSize} do not fit in one array");
            var pixels = new byte[chosen.Length * plane];
            for (int i = 0; i < chosen.Length; i++)
            {
                if (chosen[i].Pixels.Length != plane) throw new InvalidOperationException($"{chosen[i].Path}: decoded to the wrong size");
                Buffer.BlockCopy(chosen[i].Pixels, 0, pixels, i * plane, plane);
            }
            splits[s] = new DecodedSplit(DatasetFolder.Splits[s], imageSize, pixels,
                chosen.Select(c => c.Label).ToArray(),
                chosen.Select(c => SampleIds.FromFileName(c.Path)).ToArray(),
                chosen.Select(c => c.Path).ToArray());
        }
        string settings = ImageDecoding.Settings(imageSize)
            + (options.HarmonizeJpegQuality is int quality ? ";" + ImageDecoding.HarmonizeSettings(quality) : "");
        string fingerprint = DecodedDataset.ComputeFingerprint(settings, splits);
        return new DecodedDataset(splits, fingerprint, skipped);
    }

    private static DatasetSplits WithCache(DataOptions options, string key, string source, IProgress<string>? progress,
        Func<DecodedDataset> build)
    {
        string? path = options.UseCache ? DatasetCache.PathFor(options.ResolveCacheDirectory(), key) : null;
        if (path is not null)
        {
            var sw = Stopwatch.StartNew();
            var cached = DatasetCache.TryRead(path, key, out string? problem);
            if (cached is not null)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{source}: read from cache {path} in {sw.Elapsed.TotalSeconds:F2} s"));
                return cached.ToDatasetSplits(source, fromCache: true);
            }
            if (problem is not null) progress?.Report($"{source}: cache file {path} is invalid ({problem}); rebuilding it");
        }

        var data = build();
        if (path is not null)
        {
            try
            {
                DatasetCache.Write(path, key, data);
                progress?.Report($"{source}: cached as {path}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                progress?.Report($"{source}: could not write the cache file {path} ({e.Message}); continuing without it");
            }
        }
        return data.ToDatasetSplits(source, fromCache: false);
    }

    private static void BeginKey(IncrementalHash key, string kind, DataOptions options)
    {
        DecodedDataset.AppendString(key, "repro-dataset-cache");
        DecodedDataset.AppendInt(key, DatasetCache.FormatVersion);
        DecodedDataset.AppendString(key, kind);
        DecodedDataset.AppendString(key, ImageDecoding.Settings(options.ImageSize));
        DecodedDataset.AppendString(key, Runtime.CacheStamp.For("decoder", ImageDecoding.CodeVersion));
        if (options.HarmonizeJpegQuality is int quality) // absent otherwise: existing cache keys stay valid
            DecodedDataset.AppendString(key, ImageDecoding.HarmonizeSettings(quality));
    }

    private static string FinishKey(IncrementalHash key) => Convert.ToHexStringLower(key.GetHashAndReset())[..32];

    private static InvalidDataException BadFiles(IReadOnlyList<SkippedFile> bad, string root)
    {
        var first = bad[0];
        string more = bad.Count > 1 ? $" (and {bad.Count - 1} more bad file(s))" : "";
        return new InvalidDataException(
            $"{first.Path}: {first.Reason}{more} — in dataset {root}; set SkipBadFiles (--skip-bad-files) to leave bad files out and list them");
    }
}
