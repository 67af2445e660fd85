using Repro.IO;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// Converts the ImageNet ResNet18 ONNX of the ML.NET NuGet package (CNTK export: Conv without bias,
/// separate BatchNormalization, BasicBlock stages <c>[2,2,2,3]</c>, no fc) into a
/// <see cref="ResNetBackbone"/>'s torchvision-named weights, and caches the result.
/// </summary>
/// <remarks>
/// The mapping comes from walking the graph, not from a table of ONNX ids: the stem is the
/// Conv → BatchNormalization feeding the max-pool; every <c>Add</c> is a BasicBlock whose two inputs
/// trace back to the main path (conv1/bn1 → ReLU → conv2/bn2) and the shortcut (identity, or a 1×1
/// Conv → BatchNormalization: <c>downsample</c>); a block with a downsample after the first starts a
/// new stage. conv1's input-channel axis is reversed, so the backbone takes RGB where the ONNX took BGR.
/// The converted weights are saved once (TorchSharp format followed by the SHA-256 of those bytes, atomic
/// write) under <see cref="CacheDirectory"/>, keyed by the ONNX file's SHA-256, <see cref="ConverterVersion"/>
/// and the libtorch version; a damaged file is converted again with a note.
/// </remarks>
public static class OnnxResNetWeights
{
    /// <summary>
    /// The cache folder: <c>$REPRO_CACHE/weights</c>, else <c>$XDG_CACHE_HOME/repro/weights</c>, else
    /// <c>~/.cache/repro/weights</c>.
    /// </summary>
    public static string CacheDirectory
    {
        get
        {
            string? repro = Environment.GetEnvironmentVariable("REPRO_CACHE");
            if (!string.IsNullOrWhiteSpace(repro)) return Path.Combine(repro, "weights");
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "repro", "weights");
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "repro", "weights");
        }
    }

    /// <summary>Seconds the last conversion from ONNX took in this process (null when the cache served every load).</summary>
    public static double? LastConversionSeconds { get; private set; }

    /// <summary>
    /// Version of the conversion code (graph walk, name mapping, cache file layout); part of the cache key, with the
    /// ONNX file's SHA-256 and the libtorch version. 2: the cache file carries a SHA-256 of its bytes.
    /// </summary>
    public const int ConverterVersion = 2;

    /// <summary>
    /// Puts the ImageNet weights into <paramref name="backbone"/> (which must have stages
    /// <c>[2,2,2,3]</c>): from the cache when present, else converted from <paramref name="onnxPath"/>
    /// (default <see cref="ResNet18OnnxPackage.FindModel"/>) and cached in <paramref name="cacheDirectory"/>
    /// (default <see cref="CacheDirectory"/>). Returns a description of the source for the result file.
    /// </summary>
    public static string LoadInto(ResNetBackbone backbone, string? onnxPath = null, string? cacheDirectory = null) =>
        LoadInto(backbone, null, onnxPath, cacheDirectory);

    /// <summary>
    /// <see cref="LoadInto(ResNetBackbone, string?, string?)"/>; when the cache file is damaged (its checksum does
    /// not match its bytes) or does not load, it is converted again and replaced, and <paramref name="notes"/> gets
    /// a line saying so.
    /// </summary>
    public static string LoadInto(ResNetBackbone backbone, ICollection<string>? notes, string? onnxPath = null, string? cacheDirectory = null)
    {
        onnxPath ??= ResNet18OnnxPackage.FindModel();
        string sha = Sha256(onnxPath);
        string cache = CacheFile(cacheDirectory ?? CacheDirectory, sha);
        string source = $"ImageNet weights from {Path.GetFileName(onnxPath)} (sha256 {sha[..12]}…, {ResNet18OnnxPackage.PackageId} {ResNet18OnnxPackage.PackageVersion})";
        if (File.Exists(cache))
        {
            string? problem = TryLoadCached(backbone, cache);
            if (problem is null) return source;
            notes?.Add($"the cached ImageNet weights {cache} were {problem}: converted again from the ONNX file and replaced");
            try { File.Delete(cache); } catch (IOException) { }
        }
        var watch = Stopwatch.StartNew();
        var weights = Convert(onnxPath);
        try
        {
            CopyInto(backbone, weights, onnxPath);
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
        using (var buffer = new MemoryStream())
        {
            backbone.save(buffer);
            byte[] body = buffer.ToArray();
            AtomicFile.Write(cache, s => { s.Write(body); s.Write(SHA256.HashData(body)); });
        }
        LastConversionSeconds = watch.Elapsed.TotalSeconds;
        return source;
    }

    /// <summary>The cache file for the ONNX file with SHA-256 <paramref name="onnxSha"/>: the key holds the converter's
    /// version and the libtorch version too.</summary>
    public static string CacheFile(string cacheDirectory, string onnxSha)
    {
        string libtorch = new string(Runtime.CacheStamp.LibTorchVersion.Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-').ToArray());
        return Path.Combine(cacheDirectory, $"resnet18-imagenet-{onnxSha[..16]}-conv{ConverterVersion}-libtorch{libtorch}.dat");
    }

    // Null when the cached weights are intact and loaded; else what is wrong with the file.
    private static string? TryLoadCached(ResNetBackbone backbone, string cache)
    {
        byte[] all;
        try { all = File.ReadAllBytes(cache); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"unreadable ({e.Message})"; }
        if (all.Length < 32) return $"truncated ({all.Length} bytes)";
        if (!SHA256.HashData(all.AsSpan(0, all.Length - 32)).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32)))
            return "damaged (checksum mismatch)";
        try
        {
            using var stream = new MemoryStream(all, 0, all.Length - 32, writable: false);
            backbone.load(stream, strict: true);
            return null;
        }
        catch (Exception e)
        {
            return $"not loadable ({e.Message})";
        }
    }

    /// <summary>
    /// Reads <paramref name="onnxPath"/> and returns its weights under torchvision names (conv1 already
    /// reversed to RGB), with the stages found in the graph. A file that is not ONNX, or an ONNX that is
    /// not a BasicBlock ResNet of this kind, is an <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static Dictionary<string, Tensor> Convert(string onnxPath) => Convert(onnxPath, out _);

    /// <inheritdoc cref="Convert(string)"/>
    public static Dictionary<string, Tensor> Convert(string onnxPath, out IReadOnlyList<int> stages)
    {
        if (!File.Exists(onnxPath)) throw new FileNotFoundException($"ONNX file '{onnxPath}' does not exist", onnxPath);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFromFile(onnxPath);
        }
        catch (Exception e)
        {
            throw new InvalidDataException($"'{onnxPath}' is not a readable ONNX model (corrupt or truncated?): {e.Message}", e);
        }
        var walk = new GraphWalk(model, onnxPath);
        stages = walk.Stages;
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, initializer) in walk.Mapping)
            {
                var t = ToTensor(walk.Initializer(initializer), onnxPath);
                if (name == "conv1.weight")
                {
                    Tensor rgb;
                    using (var flipped = t.flip(1)) rgb = flipped.contiguous(); // the flipped view outlives the copy
                    t.Dispose();
                    t = rgb;
                }
                result.Add(name, t);
            }
        }
        catch
        {
            foreach (var t in result.Values) t.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return System.Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void CopyInto(ResNetBackbone backbone, Dictionary<string, Tensor> weights, string onnxPath)
    {
        var target = backbone.state_dict();
        var missing = target.Keys.Where(k => !weights.ContainsKey(k) && !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToList();
        var extra = weights.Keys.Where(k => !target.ContainsKey(k)).ToList();
        var wrongShape = weights.Where(kv => target.TryGetValue(kv.Key, out var t) && !t.shape.SequenceEqual(kv.Value.shape))
            .Select(kv => $"{kv.Key} [{string.Join(",", kv.Value.shape)}] vs [{string.Join(",", target[kv.Key].shape)}]").ToList();
        if (missing.Count + extra.Count + wrongShape.Count > 0)
            throw new InvalidDataException(
                $"'{onnxPath}' does not fit a ResNet backbone with stages [{string.Join(",", backbone.Stages)}]: " +
                $"missing [{string.Join(", ", missing.Take(10))}], unexpected [{string.Join(", ", extra.Take(10))}], wrong shape [{string.Join(", ", wrongShape.Take(10))}]");
        using var noGrad = torch.no_grad();
        foreach (var (name, value) in weights) target[name].copy_(value);
    }

    private static Tensor ToTensor(TensorProto proto, string onnxPath)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"'{onnxPath}': initializer '{proto.Name}' has data type {proto.DataType}, not float32");
        long[] dims = proto.Dims.ToArray();
        long count = dims.Aggregate(1L, (a, b) => a * b);
        float[] data;
        if (proto.FloatData.Count > 0) data = proto.FloatData.ToArray();
        else if (proto.RawData.Length > 0) data = MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray();
        else data = Array.Empty<float>();
        if (data.LongLength != count)
            throw new InvalidDataException($"'{onnxPath}': initializer '{proto.Name}' holds {data.LongLength} values for shape [{string.Join(",", dims)}]");
        return torch.tensor(data, dims, dtype: ScalarType.Float32);
    }

    /// <summary>The structure of the ONNX graph: which initializer becomes which torchvision name.</summary>
    private sealed class GraphWalk
    {
        private readonly string _path;
        private readonly Dictionary<string, TensorProto> _initializers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, NodeProto> _producer = new(StringComparer.Ordinal);

        public List<(string Name, string Initializer)> Mapping { get; } = new();
        public IReadOnlyList<int> Stages { get; }

        public GraphWalk(ModelProto model, string path)
        {
            _path = path;
            var graph = model.Graph ?? throw Bad("it has no graph");
            foreach (var t in graph.Initializer)
                if (!_initializers.TryAdd(t.Name, t)) throw Bad($"initializer '{t.Name}' appears twice");
            foreach (var node in graph.Node)
                foreach (var output in node.Output)
                    _producer[output] = node;
            var inputs = graph.Input.Select(i => i.Name).Where(n => !_initializers.ContainsKey(n)).ToList();
            if (inputs.Count != 1 || graph.Output.Count != 1)
                throw Bad($"expected one image input and one feature output, found {inputs.Count} input(s) and {graph.Output.Count} output(s)");

            var adds = graph.Node.Where(n => n.OpType == "Add").ToList();
            if (adds.Count == 0) throw Bad("it has no residual Add nodes: not a ResNet");

            // The stem: graph input → Conv → BN → ReLU → MaxPool → first block.
            var blocks = adds.Select(ReadBlock).ToList();
            var pool = Producer(blocks[0].Source);
            if (pool?.OpType != "MaxPool") throw Bad("the first residual block is not fed by a MaxPool");
            var stemRelu = Producer(pool.Input[0]);
            var stem = stemRelu?.OpType == "Relu" ? ConvBn(stemRelu.Input[0]) : null;
            if (stem is null || stem.Value.Conv.Input[0] != inputs[0])
                throw Bad("the stem (input → Conv → BatchNormalization → Relu → MaxPool) was not found");
            AddConvBn(stem.Value, "conv1", "bn1", expectedKernel: 7);

            var stages = new List<int>();
            for (int i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                if (i > 0)
                {
                    var relu = Producer(block.Source);
                    if (relu?.OpType != "Relu" || Producer(relu.Input[0]) != adds[i - 1])
                        throw Bad($"residual block {i} does not follow block {i - 1}");
                }
                if (i == 0 || block.Shortcut is not null) stages.Add(0);
                if (stages.Count > 4) throw Bad("more than four stages of residual blocks");
                int b = stages[^1]++;
                string prefix = $"layer{stages.Count}.{b}";
                AddConvBn(block.First, $"{prefix}.conv1", $"{prefix}.bn1", expectedKernel: 3);
                AddConvBn(block.Second, $"{prefix}.conv2", $"{prefix}.bn2", expectedKernel: 3);
                if (block.Shortcut is { } ds) AddConvBn(ds, $"{prefix}.downsample.0", $"{prefix}.downsample.1", expectedKernel: 1);
            }
            if (stages.Count != 4) throw Bad($"found {stages.Count} stages of residual blocks, expected 4");
            Stages = stages;

            var head = Producer(graph.Output[0].Name);
            if (head is null || (head.OpType != "AveragePool" && head.OpType != "GlobalAveragePool"))
                throw Bad($"the output is produced by {head?.OpType ?? "nothing"}, not a global average pool (a classifier is not expected)");

            var used = Mapping.Select(m => m.Initializer).ToHashSet(StringComparer.Ordinal);
            var unused = _initializers.Keys.Where(k => !used.Contains(k)).ToList();
            if (unused.Count > 0) throw Bad($"{unused.Count} initializer(s) are not part of the ResNet structure: {string.Join(", ", unused.Take(10))}");
        }

        public TensorProto Initializer(string name) => _initializers[name];

        private (string Source, (NodeProto Conv, NodeProto Bn) First, (NodeProto Conv, NodeProto Bn) Second, (NodeProto Conv, NodeProto Bn)? Shortcut) ReadBlock(NodeProto add)
        {
            if (add.Input.Count != 2) throw Bad($"Add node '{add.Name}' has {add.Input.Count} inputs");
            var a = Chain(add.Input[0], out string sourceA);
            var b = Chain(add.Input[1], out string sourceB);
            var (main, shortcut) = a.Count >= b.Count ? (a, b) : (b, a);
            if (main.Count != 2 || shortcut.Count > 1 || sourceA != sourceB)
                throw Bad($"Add node '{add.Name}' is not a BasicBlock (paths of {a.Count} and {b.Count} convolutions{(sourceA != sourceB ? ", from different inputs" : "")})");
            return (sourceA, main[0], main[1], shortcut.Count == 1 ? shortcut[0] : null);
        }

        /// <summary>Conv→BN pairs (joined by ReLU) ending at <paramref name="tensor"/>, first pair first.</summary>
        private List<(NodeProto Conv, NodeProto Bn)> Chain(string tensor, out string source)
        {
            var pairs = new List<(NodeProto Conv, NodeProto Bn)>();
            string t = tensor;
            while (ConvBn(t) is { } pair)
            {
                pairs.Insert(0, pair);
                t = pair.Conv.Input[0];
                var relu = Producer(t);
                if (relu?.OpType == "Relu" && ConvBn(relu.Input[0]) is not null) t = relu.Input[0];
                else break;
            }
            source = t;
            return pairs;
        }

        private (NodeProto Conv, NodeProto Bn)? ConvBn(string tensor)
        {
            var bn = Producer(tensor);
            if (bn?.OpType != "BatchNormalization" || bn.Input.Count != 5) return null;
            var conv = Producer(bn.Input[0]);
            if (conv?.OpType != "Conv" || conv.Input.Count < 2 || !_initializers.ContainsKey(conv.Input[1])) return null;
            return (conv, bn);
        }

        private void AddConvBn((NodeProto Conv, NodeProto Bn) pair, string conv, string bn, int expectedKernel)
        {
            if (pair.Conv.Input.Count != 2) throw Bad($"Conv '{pair.Conv.Name}' has a bias; torchvision's ResNet convolutions have none");
            var kernel = pair.Conv.Attribute.FirstOrDefault(a => a.Name == "kernel_shape")?.Ints.ToArray();
            if (kernel is not null && (kernel.Length != 2 || kernel[0] != expectedKernel || kernel[1] != expectedKernel))
                throw Bad($"Conv '{pair.Conv.Name}' ({conv}) has kernel [{string.Join(",", kernel)}], expected {expectedKernel}×{expectedKernel}");
            if (pair.Conv.Attribute.FirstOrDefault(a => a.Name == "group") is { } g && g.I != 1)
                throw Bad($"Conv '{pair.Conv.Name}' is grouped ({g.I})");
            var epsilon = pair.Bn.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            if (Math.Abs(epsilon - 1e-5f) > 1e-7f)
                throw Bad($"BatchNormalization '{pair.Bn.Name}' has epsilon {epsilon}, expected 1e-5");
            foreach (var input in pair.Bn.Input.Skip(1))
                if (!_initializers.ContainsKey(input)) throw Bad($"BatchNormalization '{pair.Bn.Name}' input '{input}' is not an initializer");
            Mapping.Add(($"{conv}.weight", pair.Conv.Input[1]));
            Mapping.Add(($"{bn}.weight", pair.Bn.Input[1]));
            Mapping.Add(($"{bn}.bias", pair.Bn.Input[2]));
            Mapping.Add(($"{bn}.running_mean", pair.Bn.Input[3]));
            Mapping.Add(($"{bn}.running_var", pair.Bn.Input[4]));
        }

        private NodeProto? Producer(string tensor) => _producer.TryGetValue(tensor, out var n) ? n : null;

        private InvalidDataException Bad(string why) =>
            new($"'{_path}' is not the expected ONNX ResNet (BasicBlock, Conv → BatchNormalization, no classifier): {why}");
    }
}
