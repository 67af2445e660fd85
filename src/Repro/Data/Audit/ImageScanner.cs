using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Repro.Data.Audit;

/// <summary>
/// Walks <c>{train,val,test}/{class}/</c> under a dataset folder and reads every image file: bytes,
/// SHA-256, size, mode, format, grey-level statistics and dHash. Files are decoded in parallel; the
/// result is in a fixed order (split, folder, file name; ordinal), so the audit is deterministic.
/// </summary>
internal static class ImageScanner
{
    /// <summary>The split folders the audit looks for, in report order.</summary>
    public static IReadOnlyList<string> SplitNames { get; } = ["train", "val", "test"];

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".tga" };

    /// <summary>Reads the dataset; <paramref name="notes"/> receives folders and files that are not part of it.</summary>
    public static List<ScannedImage> Scan(string dataDir, List<string> notes, int harmonizeQuality = DataOptions.DefaultHarmonizeQuality)
    {
        var root = Path.GetFullPath(dataDir);
        var entries = new List<(string Split, int Label, string Folder, string File)>();
        var dirs = Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal).ToList();
        foreach (string split in SplitNames)
        {
            var splitDir = dirs.FirstOrDefault(d => string.Equals(Path.GetFileName(d), split, StringComparison.OrdinalIgnoreCase));
            if (splitDir is null)
            {
                notes.Add($"split folder '{split}/' is missing");
                continue;
            }
            foreach (var classDir in Directory.GetDirectories(splitDir).OrderBy(d => d, StringComparer.Ordinal))
            {
                string folder = Path.GetFileName(classDir);
                int? label = ClassLabels.FromName(folder);
                if (label is null)
                {
                    notes.Add($"{split}/{folder}/ is not a class folder (normal, benign, cancer|malignant): ignored");
                    continue;
                }
                foreach (var file in Directory.GetFiles(classDir).OrderBy(f => f, StringComparer.Ordinal))
                {
                    string name = Path.GetFileName(file);
                    if (name.StartsWith('.')) continue;
                    if (!ImageExtensions.Contains(Path.GetExtension(name)))
                    {
                        notes.Add($"{split}/{folder}/{name} is not an image file: ignored");
                        continue;
                    }
                    entries.Add((split, label.Value, folder, file));
                }
            }
        }
        foreach (var d in dirs)
        {
            string name = Path.GetFileName(d);
            if (!SplitNames.Contains(name, StringComparer.OrdinalIgnoreCase) && !name.StartsWith('.'))
                notes.Add($"{name}/ is not a split folder: ignored");
        }

        var result = new ScannedImage[entries.Count];
        Parallel.For(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var (split, label, folder, file) = entries[i];
            result[i] = Read(root, split, label, folder, file, harmonizeQuality);
        });
        return result.ToList();
    }

    // Mean grey level in [0, 1] and the 16-bin histogram (fractions).
    private static (double Mean, double[] Histogram) GreyLevels(byte[] pixels)
    {
        var hist = new double[16];
        double sum = 0;
        foreach (byte p in pixels)
        {
            sum += p;
            hist[p >> 4]++;
        }
        for (int k = 0; k < hist.Length; k++) hist[k] /= pixels.Length;
        return (sum / pixels.Length / 255.0, hist);
    }

    private static ScannedImage Read(string root, string split, int label, string folder, string file, int harmonizeQuality)
    {
        string rel = Path.GetRelativePath(root, file).Replace('\\', '/');
        byte[]? read = ImageFiles.TryRead(file, out string? unreadable);
        if (read is null)
            return new ScannedImage { Split = split, Label = label, Folder = folder, Path = rel, Id = SampleIds.FromFileName(file), Error = unreadable };
        byte[] bytes = read;
        var basic = new ScannedImage
        {
            Split = split,
            Label = label,
            Folder = folder,
            Path = rel,
            Id = SampleIds.FromFileName(file),
            Bytes = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
        if (bytes.Length == 0) return basic with { Error = "empty file" };
        try
        {
            if (DeclaredSizeProblem(bytes) is { } problem) return basic with { Error = problem };
            var info = Image.Identify(bytes, out IImageFormat? format);
            if (info is null || format is null) return basic with { Error = "not a recognised image format" };
            if ((long)info.Width * info.Height > 100_000_000) return basic with { Error = $"{info.Width}×{info.Height} is too large to audit" };
            JpegMetadata? jpeg = format.Name == "JPEG" ? info.Metadata.GetJpegMetadata() : null;
            using var image = Image.Load<L8>(bytes);
            var pixels = new byte[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            var (mean, hist) = GreyLevels(pixels);
            var (jpegBytes, harmonized) = ImageDecoding.Harmonize(pixels, image.Width, image.Height, harmonizeQuality);
            var (harmonizedMean, harmonizedHist) = GreyLevels(harmonized);
            return basic with
            {
                Width = image.Width,
                Height = image.Height,
                Format = format.Name,
                Mode = ModeOf(info.PixelType.BitsPerPixel, jpeg?.ColorType),
                JpegQuality = jpeg?.Quality,
                MeanIntensity = mean,
                Histogram = hist,
                BlockEnergy = BlockArtifacts.BoundaryEnergy(pixels, image.Width, image.Height),
                HarmonizedBytes = jpegBytes.LongLength,
                HarmonizedMean = harmonizedMean,
                HarmonizedHistogram = harmonizedHist,
                HarmonizedBlockEnergy = BlockArtifacts.BoundaryEnergy(harmonized, image.Width, image.Height),
                DHash = PerceptualHash.DHash(pixels, image.Width, image.Height),
                PHash = PerceptualHash.PHash(pixels, image.Width, image.Height),
                Thumbnail = PerceptualHash.Thumbnail(pixels, image.Width, image.Height, 16, 16),
            };
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException)
        {
            return basic with { Error = e.Message };
        }
    }

    // JPEG and PNG: the header walk and the declared size against the data, as the loader checks them (a file the
    // loader refuses is unreadable here too). Other formats are left to the decoder.
    private static string? DeclaredSizeProblem(byte[] bytes)
    {
        try
        {
            var header = ImageHeaderReader.Read(bytes, out var facts);
            if ((long)header.Width * header.Height <= 100_000_000) ImageDataCheck.Verify(bytes, header, facts);
            return null;
        }
        catch (BadImageException e)
        {
            return e.Reason.StartsWith("not a JPEG or PNG", StringComparison.Ordinal) ? null : e.Reason;
        }
    }

    private static string ModeOf(int bitsPerPixel, JpegColorType? jpegColor) => (bitsPerPixel, jpegColor) switch
    {
        (_, JpegColorType.Luminance) => "L",
        (_, JpegColorType.Cmyk) => "CMYK",
        (8, _) => "L",
        (16, _) => "L16",
        (24, _) => "RGB",
        (32, _) => "RGBA",
        (48, _) => "RGB48",
        (64, _) => "RGBA64",
        _ => $"{bitsPerPixel}bpp",
    };
}
