using Repro.IO;
using System.Text;

namespace Repro.Data;

/// <summary>
/// The on-disk cache of decoded datasets: one file per input key under <c>{cache}/datasets/</c>.
/// Format (little-endian): magic <c>REPRODS1</c>, int32 format version, the key, the fingerprint, the
/// skipped files, then per split its name, count, image size, per sample label/id/path, and the
/// pixels; last, the SHA-256 of everything before it. The file is written atomically
/// (<see cref="AtomicFile"/>) and read back only when magic, version, key, every length and the
/// checksum agree; anything else counts as a miss and is rebuilt, so a half-written or damaged file
/// is never half-read.
/// </summary>
internal static class DatasetCache
{
    /// <summary>Version of the file format; part of the key.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "REPRODS1"u8.ToArray();
    private const int HashLength = 32;

    /// <summary>The cache file for <paramref name="key"/> under <paramref name="cacheDirectory"/>.</summary>
    public static string PathFor(string cacheDirectory, string key) => Path.Combine(cacheDirectory, "datasets", key + ".rds");

    /// <summary>Writes <paramref name="data"/> atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, string key, DecodedDataset data)
    {
        AtomicFile.Write(path, stream =>
        {
            var buffered = new BufferedStream(stream, 1 << 20); // not disposed: that would close the atomic file early
            var hashing = new HashingStream(buffered);
            using (var w = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(FormatVersion);
                w.Write(key);
                w.Write(data.Fingerprint);
                w.Write(data.Skipped.Length);
                foreach (var s in data.Skipped) { w.Write(s.Path); w.Write(s.Reason); }
                w.Write(data.Splits.Length);
                foreach (var split in data.Splits)
                {
                    w.Write(split.Name);
                    w.Write(split.Count);
                    w.Write(split.ImageSize);
                    for (int i = 0; i < split.Count; i++)
                    {
                        w.Write(split.Labels[i]);
                        w.Write(split.Ids[i]);
                        w.Write(split.Paths[i]);
                    }
                    w.Write(split.Pixels);
                }
            }
            buffered.Write(hashing.FinishHash());
            hashing.Dispose();
            buffered.Flush();
        });
    }

    /// <summary>
    /// The dataset in <paramref name="path"/>, or null with the reason in <paramref name="problem"/>
    /// (null problem: there is no such file).
    /// </summary>
    public static DecodedDataset? TryRead(string path, string key, out string? problem)
    {
        problem = null;
        if (!File.Exists(path)) return null;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            long length = file.Length;
            if (length < Magic.Length + 4 + HashLength) { problem = $"too short ({length} bytes)"; return null; }
            using var hashing = new HashingStream(file);
            using var r = new BinaryReader(hashing, Encoding.UTF8, leaveOpen: true);
            long Remaining() => length - file.Position - HashLength;

            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) { problem = "not a Repro dataset cache file"; return null; }
            int version = r.ReadInt32();
            if (version != FormatVersion) { problem = $"format version {version}, expected {FormatVersion}"; return null; }
            string storedKey = r.ReadString();
            if (storedKey != key) { problem = "key mismatch"; return null; }
            string fingerprint = r.ReadString();
            int skippedCount = r.ReadInt32();
            if (skippedCount < 0 || skippedCount > Remaining()) { problem = "corrupt skipped-file count"; return null; }
            var skipped = new SkippedFile[skippedCount];
            for (int i = 0; i < skippedCount; i++) skipped[i] = new SkippedFile(r.ReadString(), r.ReadString());
            int splitCount = r.ReadInt32();
            if (splitCount != DatasetFolder.Splits.Length) { problem = $"corrupt split count {splitCount}"; return null; }
            var splits = new DecodedSplit[splitCount];
            for (int s = 0; s < splitCount; s++)
            {
                string name = r.ReadString();
                int count = r.ReadInt32();
                int size = r.ReadInt32();
                if (name != DatasetFolder.Splits[s] || count < 0 || size is < 1 or > 65536 || (long)count * size * size > Remaining())
                {
                    problem = $"corrupt header of split {s}";
                    return null;
                }
                var labels = new int[count];
                var ids = new string[count];
                var paths = new string[count];
                for (int i = 0; i < count; i++)
                {
                    labels[i] = r.ReadInt32();
                    if (labels[i] is < 0 or >= ClassLabels.Count) { problem = $"corrupt label {labels[i]}"; return null; }
                    ids[i] = r.ReadString();
                    paths[i] = r.ReadString();
                }
                long pixelCount = (long)count * size * size;
                if (pixelCount > Remaining() || pixelCount > Array.MaxLength) { problem = "corrupt pixel length"; return null; }
                byte[] pixels = r.ReadBytes((int)pixelCount);
                if (pixels.Length != pixelCount) { problem = "truncated pixels"; return null; }
                splits[s] = new DecodedSplit(name, size, pixels, labels, ids, paths);
            }
            byte[] expected = hashing.FinishHash();
            var stored = new byte[HashLength];
            file.ReadExactly(stored);
            if (!stored.AsSpan().SequenceEqual(expected)) { problem = "checksum mismatch"; return null; }
            if (file.Position != length) { problem = "trailing bytes after the checksum"; return null; }
            return new DecodedDataset(splits, fingerprint, skipped);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or DecoderFallbackException
                                      or UnauthorizedAccessException or ArgumentException or OverflowException)
        {
            problem = $"unreadable ({e.GetType().Name}: {e.Message})";
            return null;
        }
    }
}
