using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Repro.Data;

/// <summary>The three decoded splits on the host, with their fingerprint and the skipped files.</summary>
/// <param name="Splits">train, val, test.</param>
/// <param name="Fingerprint">See <see cref="ComputeFingerprint"/>.</param>
/// <param name="Skipped">Files left out under <see cref="DataOptions.SkipBadFiles"/>.</param>
internal sealed record DecodedDataset(DecodedSplit[] Splits, string Fingerprint, SkippedFile[] Skipped)
{
    /// <summary>
    /// First 16 hex characters of SHA-256 over the decode settings and, split by split, the count, each
    /// sample's relative path and label, and the pixel bytes. Integers are little-endian and strings
    /// UTF-8 with a length prefix, so the same decoded bytes give the same fingerprint on every machine.
    /// (The synthetic set and at-size PNGs decode to the same bytes everywhere; ImageSharp's JPEG IDCT
    /// and resampler use SIMD floating point, so a CPU with a different instruction set may round a
    /// JPEG or a resized pixel differently and so change the fingerprint.)
    /// </summary>
    public static string ComputeFingerprint(string decodeSettings, IReadOnlyList<DecodedSplit> splits)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(hash, decodeSettings);
        foreach (var split in splits)
        {
            AppendString(hash, split.Name);
            AppendInt(hash, split.Count);
            AppendInt(hash, split.ImageSize);
            for (int i = 0; i < split.Count; i++)
            {
                AppendString(hash, split.Paths[i]);
                AppendInt(hash, split.Labels[i]);
            }
            hash.AppendData(split.Pixels);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>Appends a little-endian int64.</summary>
    public static void AppendInt(IncrementalHash hash, long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        hash.AppendData(b);
    }

    /// <summary>Appends a length-prefixed UTF-8 string.</summary>
    public static void AppendString(IncrementalHash hash, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        AppendInt(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    /// <summary>The tensor sets of the three splits (CPU).</summary>
    public DatasetSplits ToDatasetSplits(string source, bool fromCache)
    {
        var sets = new List<TensorSet>();
        try
        {
            foreach (var s in Splits) sets.Add(s.ToTensorSet());
            return new DatasetSplits(sets[0], sets[1], sets[2], source, Fingerprint, Skipped) { FromCache = fromCache };
        }
        catch
        {
            foreach (var s in sets) s.Dispose();
            throw;
        }
    }
}
