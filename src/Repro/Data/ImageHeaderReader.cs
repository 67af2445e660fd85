using System.Buffers.Binary;

namespace Repro.Data;

/// <summary>
/// Reads the format, dimensions, sample depth and component count from a JPEG or PNG file's header,
/// and checks that the file is complete (PNG: chunks up to <c>IEND</c>; JPEG: the marker walk, through
/// the entropy-coded scans, reaches <c>EOI</c>), all without decoding pixels. Decoders are often lenient with truncated files (they pad
/// the missing data with grey), so this check is what turns a cut-off download into an error.
/// </summary>
internal static class ImageHeaderReader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The header of <paramref name="bytes"/>; throws <see cref="BadImageException"/> with the reason.</summary>
    public static ImageHeader Read(ReadOnlySpan<byte> bytes) => Read(bytes, out _);

    /// <summary>The header of <paramref name="bytes"/>, and what <see cref="ImageDataCheck"/> needs to check the
    /// declared size against the data; throws <see cref="BadImageException"/> with the reason.</summary>
    public static ImageHeader Read(ReadOnlySpan<byte> bytes, out ImageDataFacts facts)
    {
        if (bytes.Length == 0) throw new BadImageException("empty file (0 bytes)");
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(PngSignature)) return ReadPng(bytes, out facts);
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return ReadJpeg(bytes, out facts);
        if (bytes.Length < 8 && (PngSignature.StartsWith(bytes) || (bytes[0] == 0xFF && (bytes.Length == 1 || bytes[1] == 0xD8))))
            throw new BadImageException($"truncated: only {bytes.Length} byte(s), cut off inside the file signature");
        throw new BadImageException($"not a JPEG or PNG image (starts with {Describe(bytes)})");
    }

    private static string Describe(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(8, bytes.Length)];
        bool printable = true;
        foreach (byte b in head) printable &= b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t';
        string hex = Convert.ToHexString(head);
        return printable
            ? $"text \"{System.Text.Encoding.ASCII.GetString(head).ReplaceLineEndings(" ")}\""
            : $"bytes {hex}";
    }

    private static ImageHeader ReadPng(ReadOnlySpan<byte> bytes, out ImageDataFacts facts)
    {
        // Signature, then chunks: length (4, big-endian), type (4), data, CRC (4). IHDR comes first.
        if (bytes.Length < 8 + 8 + 13)
            throw new BadImageException($"truncated PNG: {bytes.Length} bytes, too short for its header");
        int ihdrLength = BinaryPrimitives.ReadInt32BigEndian(bytes[8..]);
        if (ihdrLength != 13 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
            throw new BadImageException("corrupt PNG: the first chunk is not a valid IHDR");
        var ihdr = bytes.Slice(16, 13);
        uint width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        int bitDepth = ihdr[8];
        int colorType = ihdr[9];
        int components = colorType switch
        {
            0 => 1, // grey
            2 => 3, // RGB
            3 => 1, // palette
            4 => 2, // grey + alpha
            6 => 4, // RGBA
            _ => throw new BadImageException($"corrupt PNG: unknown colour type {colorType}"),
        };
        if (bitDepth is not (1 or 2 or 4 or 8 or 16))
            throw new BadImageException($"corrupt PNG: invalid bit depth {bitDepth}");
        int interlace = ihdr[12];
        if (interlace is not (0 or 1))
            throw new BadImageException($"corrupt PNG: unknown interlace method {interlace}");

        // Walk the chunks to IEND: a file cut short ends inside a chunk.
        long offset = 8;
        bool sawData = false;
        while (true)
        {
            if (offset + 8 > bytes.Length)
                throw new BadImageException($"truncated PNG: the file ends at byte {bytes.Length} before the IEND chunk");
            long length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)offset..]);
            var type = bytes.Slice((int)offset + 4, 4);
            long end = offset + 8 + length + 4;
            if (end > bytes.Length)
                throw new BadImageException($"truncated PNG: chunk '{System.Text.Encoding.ASCII.GetString(type)}' needs {end} bytes, the file has {bytes.Length}");
            if (type.SequenceEqual("IDAT"u8)) sawData = true;
            if (type.SequenceEqual("IEND"u8)) break;
            offset = end;
        }
        if (!sawData) throw new BadImageException("corrupt PNG: no image data (IDAT) chunk");
        facts = new ImageDataFacts(0, 0, 0, interlace == 1);
        return new ImageHeader(ImageFileFormat.Png, ClampDim(width), ClampDim(height), bitDepth, components);
    }

    // The 8x8 blocks a frame of width x height holds, summed over its components (each at its sampling factors,
    // without the padding of interleaved MCUs): the fewest blocks its scans can code.
    private static long BlockCount(ReadOnlySpan<byte> componentSpecs, int width, int height)
    {
        int n = componentSpecs.Length / 3, hMax = 1, vMax = 1;
        for (int c = 0; c < n; c++)
        {
            int h = componentSpecs[3 * c + 1] >> 4, v = componentSpecs[3 * c + 1] & 15;
            if (h is < 1 or > 4 || v is < 1 or > 4)
                throw new BadImageException($"corrupt JPEG: component {c} has sampling factors {h}x{v} (1 to 4 allowed)");
            hMax = Math.Max(hMax, h);
            vMax = Math.Max(vMax, v);
        }
        long blocks = 0;
        for (int c = 0; c < n; c++)
        {
            int h = componentSpecs[3 * c + 1] >> 4, v = componentSpecs[3 * c + 1] & 15;
            long cols = ((long)width * h + hMax - 1) / hMax, rows = ((long)height * v + vMax - 1) / vMax;
            blocks += (cols + 7) / 8 * ((rows + 7) / 8);
        }
        return blocks;
    }

    private static int ClampDim(uint v) => v > int.MaxValue ? int.MaxValue : (int)v;

    private static ImageHeader ReadJpeg(ReadOnlySpan<byte> bytes, out ImageDataFacts facts)
    {
        // Walk the markers after SOI: 0xFF, (fill 0xFF…), code; most carry a 2-byte big-endian length
        // that counts itself. The frame header (SOFn) holds precision, height, width and components.
        // After each SOS, skip the entropy-coded data (0xFF00 is a stuffed byte, 0xFFD0–D7 restart
        // markers) to the next marker. The file is complete when EOI (0xFFD9) is reached; bytes after
        // it are ignored, as libjpeg does (one MTH416 file carries a stray trailing byte).
        int i = 2;
        ImageHeader? header = null;
        byte frameCode = 0;
        long entropyBytes = 0, blocks = 0;
        while (true)
        {
            if (i >= bytes.Length)
                throw new BadImageException(header is null
                    ? $"truncated JPEG: the file ends at byte {bytes.Length} before the frame header"
                    : $"truncated JPEG: the file ends at byte {bytes.Length} before the end-of-image marker");
            if (bytes[i] != 0xFF)
                throw new BadImageException($"corrupt JPEG: expected a marker at byte {i}, found 0x{bytes[i]:X2}");
            while (i < bytes.Length && bytes[i] == 0xFF) i++;
            if (i >= bytes.Length) continue; // reported as truncated above
            byte code = bytes[i++];
            if (code == 0x01 || code is >= 0xD0 and <= 0xD7) continue; // standalone markers
            if (code == 0xD9)
            {
                if (header is null) throw new BadImageException("corrupt JPEG: end of image before the frame header");
                facts = new ImageDataFacts(frameCode, entropyBytes, blocks, false);
                return header;
            }
            if (code == 0xDA && header is null)
                throw new BadImageException("corrupt JPEG: scan data before the frame header");
            if (i + 2 > bytes.Length)
            {
                i = bytes.Length;
                continue;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
            if (length < 2) throw new BadImageException($"corrupt JPEG: marker 0xFF{code:X2} has length {length}");
            bool isFrame = code is >= 0xC0 and <= 0xCF && code is not (0xC4 or 0xC8 or 0xCC);
            if (isFrame)
            {
                if (header is not null) throw new BadImageException("corrupt JPEG: two frame headers");
                if (length < 8 || i + 8 > bytes.Length)
                    throw new BadImageException("truncated JPEG: the frame header is cut off");
                int precision = bytes[i + 2];
                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 3)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]);
                int components = bytes[i + 7];
                header = new ImageHeader(ImageFileFormat.Jpeg, width, height, precision, components);
                frameCode = code;
                blocks = length >= 8 + 3 * components && i + 8 + 3 * components <= bytes.Length
                    ? BlockCount(bytes.Slice(i + 8, 3 * components), width, height) : 0;
            }
            i = Math.Min(bytes.Length, i + length);
            if (code != 0xDA) continue;

            // Entropy-coded data up to the next real marker.
            int scanStart = i;
            while (i < bytes.Length)
            {
                if (bytes[i] == 0xFF && i + 1 < bytes.Length)
                {
                    byte next = bytes[i + 1];
                    if (next == 0x00 || next is >= 0xD0 and <= 0xD7) { i += 2; continue; }
                    if (next == 0xFF) { i++; continue; }
                    break;
                }
                i++;
            }
            entropyBytes += i - scanStart;
        }
    }
}
