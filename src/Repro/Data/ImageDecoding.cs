using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Repro.Data;

/// <summary>
/// Turns one encoded file into 8-bit grey pixels at the configured square size — the single decode path
/// of the loader (real files) and, from <see cref="ToSize(byte[], int, int, int)"/> on, of the synthetic set.
/// <list type="bullet">
/// <item>Formats: JPEG (8-bit, 1 or 3 components) and PNG (bit depth ≤ 8), recognised by content,
/// not by extension; decoded with SixLabors.ImageSharp 2.1.</item>
/// <item>Grey stays grey (one channel). Colour input is converted to luminance by ImageSharp's
/// <c>L8</c> conversion (ITU-R BT.709 weights 0.2126 R + 0.7152 G + 0.0722 B; PIL's <c>convert("L")</c>
/// uses BT.601, so colour images differ slightly from a PIL pipeline); alpha is ignored.</item>
/// <item>Refused, never silently converted: 16-bit PNGs and 12/16-bit JPEGs (precision would be lost),
/// CMYK/YCCK JPEGs (4 components: no faithful grey), images whose header declares more than the
/// decoded-pixel cap, zero-sized, truncated or corrupt files.</item>
/// <item>Resize: an image already at size×size is not resampled (its pixels pass through unchanged);
/// any other is stretched to size×size (like torchvision's <c>Resize((224, 224))</c>) with ImageSharp's
/// <c>Triangle</c> resampler, i.e. bilinear with an antialiasing support that widens on downscaling —
/// deliberately the same filter family as torchvision/PIL's default for <c>Resize</c> (bilinear), the
/// study's pipeline; values may differ from PIL's by rounding. MTH416 is already 224×224, so the study's
/// images are never resampled.</item>
/// </list>
/// </summary>
internal static class ImageDecoding
{
    /// <summary>Version of the decode path; part of the cache key and of the fingerprint.</summary>
    public const int Version = 1;

    /// <summary>
    /// Version of the code that accepts or refuses a file (part of the cache key, not of the fingerprint, since
    /// the pixels of an accepted file do not change): 2 = declared size held against the data
    /// (<see cref="ImageDataCheck"/>).
    /// </summary>
    public const int CodeVersion = 2;

    /// <summary>JPEG and PNG only, one thread per image (the loader parallelises over files).</summary>
    public static Configuration Configuration { get; } = new(new JpegConfigurationModule(), new PngConfigurationModule())
    {
        MaxDegreeOfParallelism = 1,
    };

    /// <summary>A canonical description of the decode settings for <paramref name="imageSize"/>.</summary>
    public static string Settings(int imageSize) =>
        $"decode=v{Version};size={imageSize}x{imageSize};resize=stretch,imagesharp-triangle,skip-at-size;grey=imagesharp-L8-bt709";

    /// <summary>How <see cref="Harmonize"/> re-encodes, as it enters cache keys and fingerprints.</summary>
    public static string HarmonizeSettings(int quality) =>
        $"harmonize=v1;jpeg-imagesharp-luminance-q{quality.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Source harmonisation of one grey image: encode its pixels with ImageSharp's JPEG encoder (luminance only) at
    /// <paramref name="quality"/>, decode that again. Returns the encoded file and the decoded pixels (same size).
    /// </summary>
    public static (byte[] Jpeg, byte[] Pixels) Harmonize(byte[] pixels, int width, int height, int quality)
    {
        using var image = Image.LoadPixelData<L8>(Configuration, pixels, width, height);
        return Reencode(image, quality);
    }

    private static (byte[] Jpeg, byte[] Pixels) Reencode(Image<L8> image, int quality)
    {
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality, ColorType = JpegColorType.Luminance });
        byte[] jpeg = stream.ToArray();
        using var again = Image.Load<L8>(Configuration, jpeg);
        var result = new byte[again.Width * again.Height];
        again.CopyPixelDataTo(result);
        return (jpeg, result);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> to <paramref name="imageSize"/>² grey pixels; throws
    /// <see cref="BadImageException"/> with the reason when the file is refused.
    /// </summary>
    public static byte[] Decode(byte[] bytes, int imageSize, long maxDecodedPixels, int? harmonizeQuality = null)
    {
        var header = ImageHeaderReader.Read(bytes, out var facts);
        if (header.Format == ImageFileFormat.Png && header.BitsPerSample > 8)
            throw new BadImageException($"16-bit PNG (bit depth {header.BitsPerSample}); convert it to 8-bit first, Repro does not drop precision silently");
        if (header.Format == ImageFileFormat.Jpeg && header.BitsPerSample != 8)
            throw new BadImageException($"{header.BitsPerSample}-bit JPEG; only 8-bit JPEGs are read");
        if (header.Format == ImageFileFormat.Jpeg && header.Components == 4)
            throw new BadImageException("CMYK/YCCK JPEG (4 colour components); convert it to greyscale first");
        if (header.Format == ImageFileFormat.Jpeg && header.Components is not (1 or 3))
            throw new BadImageException($"unsupported JPEG with {header.Components} colour components");
        if (header.Width <= 0 || header.Height <= 0)
            throw new BadImageException($"absurd dimensions {header.Width}x{header.Height}");
        long pixels = (long)header.Width * header.Height;
        if (pixels > maxDecodedPixels)
            throw new BadImageException($"absurd dimensions {header.Width}x{header.Height} ({pixels:N0} pixels, over the cap of {maxDecodedPixels:N0}; decompression bomb?)");
        ImageDataCheck.Verify(bytes, header, facts);

        Image<L8> image;
        try
        {
            image = Image.Load<L8>(Configuration, bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new BadImageException($"corrupt {header.Format.ToString().ToUpperInvariant()} data: {e.Message}", e);
        }
        using (image)
        {
            if (image.Width != header.Width || image.Height != header.Height)
                throw new BadImageException($"corrupt: header says {header.Width}x{header.Height}, decoder gave {image.Width}x{image.Height}");
            if (harmonizeQuality is not int quality) return ToSize(image, imageSize);
            var (_, harmonized) = Reencode(image, quality);
            return ToSize(harmonized, image.Width, image.Height, imageSize);
        }
    }

    /// <summary>Grey pixels of <paramref name="width"/>×<paramref name="height"/> brought to <paramref name="imageSize"/>².</summary>
    public static byte[] ToSize(byte[] pixels, int width, int height, int imageSize)
    {
        if (width == imageSize && height == imageSize) return pixels;
        using var image = Image.LoadPixelData<L8>(Configuration, pixels, width, height);
        return ToSize(image, imageSize);
    }

    private static byte[] ToSize(Image<L8> image, int imageSize)
    {
        if (image.Width != imageSize || image.Height != imageSize)
        {
            image.Mutate(c => c.Resize(new ResizeOptions
            {
                Size = new Size(imageSize, imageSize),
                Mode = ResizeMode.Stretch,
                Sampler = KnownResamplers.Triangle,
            }));
        }
        var result = new byte[imageSize * imageSize];
        image.CopyPixelDataTo(result);
        return result;
    }
}
