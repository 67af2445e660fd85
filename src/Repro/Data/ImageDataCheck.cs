using System.IO.Compression;

namespace Repro.Data;

/// <summary>
/// Holds an image's declared size against the data it carries. Decoders are lenient: a 224x224 JPEG whose
/// frame header is patched to 6000x6000 decodes to 6000x6000 of grey padding without a word. So, before
/// decoding:
/// <list type="bullet">
/// <item>JPEG (Huffman-coded sequential or progressive): every 8x8 block of every component costs at least
/// one bit in a progressive DC scan and two in a sequential scan (a DC code and an end-of-block code, each at
/// least one bit), so the entropy-coded bytes must reach blocks × 2 / 8 (sequential) or blocks / 8 (progressive).
/// Other frame kinds (lossless, arithmetic) are left to the decoder.</item>
/// <item>PNG: the IDAT stream, inflated, must hold every filtered row the header declares (Adam7 passes
/// included).</item>
/// </list>
/// A failure is a <see cref="BadImageException"/> saying what the header declares and what the data holds.
/// </summary>
internal static class ImageDataCheck
{
    /// <summary>Throws when <paramref name="bytes"/> cannot hold the image <paramref name="header"/> declares.</summary>
    public static void Verify(ReadOnlySpan<byte> bytes, ImageHeader header, ImageDataFacts facts)
    {
        if (header.Format == ImageFileFormat.Jpeg) VerifyJpeg(header, facts);
        else VerifyPng(bytes, header, facts);
    }

    private static void VerifyJpeg(ImageHeader header, ImageDataFacts facts)
    {
        int bitsPerBlock = facts.JpegFrameCode switch
        {
            0xC0 or 0xC1 => 2,
            0xC2 => 1,
            _ => 0,
        };
        if (bitsPerBlock == 0 || facts.JpegBlocks == 0) return;
        long needed = (facts.JpegBlocks * bitsPerBlock + 7) / 8;
        if (facts.JpegEntropyBytes < needed)
            throw new BadImageException(
                $"corrupt JPEG: the header declares {header.Width}x{header.Height} ({facts.JpegBlocks:N0} blocks, at least {needed:N0} bytes of image data), " +
                $"the file holds {facts.JpegEntropyBytes:N0} bytes of image data");
    }

    private static void VerifyPng(ReadOnlySpan<byte> bytes, ImageHeader header, ImageDataFacts facts)
    {
        long needed = RawBytes(header, facts.PngInterlaced);
        using var idat = new MemoryStream();
        long offset = 8;
        while (offset + 8 <= bytes.Length)
        {
            int length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)offset..]);
            var type = bytes.Slice((int)offset + 4, 4);
            if (type.SequenceEqual("IDAT"u8)) idat.Write(bytes.Slice((int)offset + 8, length));
            if (type.SequenceEqual("IEND"u8)) break;
            offset += 12L + length;
        }
        idat.Position = 0;
        long got = 0;
        try
        {
            using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
            var buffer = new byte[1 << 16];
            int n;
            while (got < needed && (n = inflate.Read(buffer, 0, (int)Math.Min(buffer.Length, needed - got))) > 0) got += n;
        }
        catch (InvalidDataException e)
        {
            throw new BadImageException($"corrupt PNG data: {e.Message}", e);
        }
        if (got < needed)
            throw new BadImageException(
                $"corrupt PNG: the header declares {header.Width}x{header.Height} ({needed:N0} bytes of filtered rows), the image data holds {got:N0}");
    }

    // Filtered-row bytes of the image: per row a filter byte and the packed samples; Adam7 as seven sub-images.
    private static long RawBytes(ImageHeader header, bool interlaced)
    {
        long bitsPerPixel = (long)header.BitsPerSample * header.Components;
        long Rows(long w, long h) => w == 0 || h == 0 ? 0 : h * (1 + (w * bitsPerPixel + 7) / 8);
        long width = header.Width, height = header.Height;
        if (!interlaced) return Rows(width, height);
        (int X0, int Y0, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        long total = 0;
        foreach (var (x0, y0, dx, dy) in passes)
            total += Rows(Math.Max(0, (width - x0 + dx - 1) / dx), Math.Max(0, (height - y0 + dy - 1) / dy));
        return total;
    }
}
