using Repro.IO;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training.Checkpoints;

/// <summary>
/// A file of named tensors plus a JSON header, written atomically: magic <c>REPROCKPT1</c>, the header,
/// then each tensor's name, dtype, shape and raw bytes (host byte order), then a SHA-256 of all that.
/// Exact to the bit, independent of TorchSharp's own formats, and refused with a clear error if damaged.
/// </summary>
public static class TensorArchive
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("REPROCKPT1");

    /// <summary>Writes <paramref name="header"/> and <paramref name="tensors"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, string header, IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(header);
            var list = tensors.ToList();
            w.Write(list.Count);
            foreach (var (name, t) in list)
            {
                var bytes = HostBytes(t);
                w.Write(name);
                w.Write((int)t.dtype);
                w.Write((long)t.dim());
                foreach (long d in t.shape) w.Write(d);
                w.Write((long)bytes.Length);
                w.Write(bytes);
            }
        }
        byte[] body = buffer.ToArray();
        byte[] hash = System.Security.Cryptography.SHA256.HashData(body);
        IO.AtomicFile.Write(path, s => { s.Write(body); s.Write(hash); });
    }

    /// <summary>
    /// The tensor's elements as bytes in row-major order and host byte order, whatever its device and layout.
    /// Every intermediate stays referenced by a scope until the bytes are copied: TorchSharp frees a tensor when its
    /// wrapper is finalized, and an unreferenced temporary (the detached view in <c>detach().cpu().contiguous()</c>)
    /// can be finalized while libtorch still reads it — seen as a crash in the copy of channels-last weights.
    /// </summary>
    internal static byte[] HostBytes(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().cpu().contiguous().bytes.ToArray();
    }

    /// <summary>Reads a file written by <see cref="Write"/>; tensors are on the CPU.</summary>
    public static (string Header, Dictionary<string, Tensor> Tensors) Read(string path)
    {
        byte[] all = File.ReadAllBytes(path);
        if (all.Length < Magic.Length + 32 || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a Repro checkpoint");
        var body = all.AsSpan(0, all.Length - 32);
        if (!System.Security.Cryptography.SHA256.HashData(body).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32)))
            throw new InvalidDataException($"{path}: checkpoint is damaged (checksum mismatch)");
        using var r = new BinaryReader(new MemoryStream(all, 0, all.Length - 32));
        r.ReadBytes(Magic.Length);
        string header = r.ReadString();
        int count = r.ReadInt32();
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string name = r.ReadString();
            var dtype = (ScalarType)r.ReadInt32();
            long dims = r.ReadInt64();
            var shape = new long[dims];
            for (int d = 0; d < dims; d++) shape[d] = r.ReadInt64();
            long length = r.ReadInt64();
            byte[] bytes = r.ReadBytes(checked((int)length));
            if (bytes.Length != length) throw new InvalidDataException($"{path}: tensor '{name}' is truncated");
            var t = empty(shape, dtype: dtype);
            if (t.bytes.Length != length) throw new InvalidDataException($"{path}: tensor '{name}' has {length} bytes for shape [{string.Join(",", shape)}] {dtype}");
            t.bytes = bytes;
            tensors[name] = t;
        }
        return (header, tensors);
    }
}
