using Repro.IO;
using Repro.Data;
using Repro.Evaluation;
using Repro.Models;
using Repro.Runtime;
using Repro.Training.Checkpoints;
using Repro.Training.Speed;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// A trained model loaded from a checkpoint (the best epoch's weights when the checkpoint holds them), with
/// the preset's input pipeline, to predict class probabilities for image files.
/// </summary>
public sealed class Predictor : IDisposable
{
    private readonly SpeedModel _model;
    private readonly InputPipeline _input;
    private readonly Device _device;

    private Predictor(SpeedModel model, InputPipeline input, Device device, TrainerCheckpoint header)
    {
        _model = model; _input = input; _device = device; Checkpoint = header;
    }

    /// <summary>The checkpoint's header (preset, epoch, history).</summary>
    public TrainerCheckpoint Checkpoint { get; }

    /// <summary>Loads <paramref name="path"/> onto <paramref name="device"/>.</summary>
    public static Predictor Load(string path, string device = "cpu")
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {path} does not exist", path);
        TorchRuntime.EnsureInitialized();
        var dev = Devices.Resolve(device);
        var (json, tensors) = TensorArchive.Read(path);
        try
        {
            var header = ReproJson.Deserialize<TrainerCheckpoint>(json, path);
            var model = ModelFactory.Create(header.Settings.Model, dev, loadWeights: false);
            var net = SpeedSetup.Apply(model, header.Settings.Speed); // bf16 layers and channels-last weights, as trained
            string prefix = header.HasBest && !header.Settings.Defects.ShallowBestRestore ? "best/" : "model/";
            using (no_grad())
            {
                var live = model.state_dict();
                CheckFits(path, model.Architecture, prefix, live, tensors);
                foreach (var (name, target) in live) target.copy_(tensors[prefix + name]);
            }
            model.SetMode(false);
            return new Predictor(net, new InputPipeline(header.Settings, model.Normalization), dev, header);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    // The checkpoint's tensors must be the model its header names, name for name and shape for shape: a header
    // edited or copied from another run would otherwise reach libtorch's copy_ and end in a native stack trace.
    private static void CheckFits(string path, string architecture, string prefix, IDictionary<string, Tensor> live,
        IReadOnlyDictionary<string, Tensor> stored)
    {
        var missing = live.Keys.Where(k => !stored.ContainsKey(prefix + k)).ToList();
        var wrongShape = live.Where(kv => stored.TryGetValue(prefix + kv.Key, out var t) && !t.shape.SequenceEqual(kv.Value.shape))
            .Select(kv => $"{kv.Key} {Shape(stored[prefix + kv.Key])} where {architecture} has {Shape(kv.Value)}").ToList();
        var unexpected = stored.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !live.ContainsKey(k[prefix.Length..]))
            .Select(k => k[prefix.Length..]).ToList();
        if (missing.Count + wrongShape.Count + unexpected.Count == 0) return;
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"{missing.Count} missing ({string.Join(", ", missing.Take(3))}{(missing.Count > 3 ? ", …" : "")})");
        if (wrongShape.Count > 0) parts.Add($"{wrongShape.Count} of another shape ({string.Join(", ", wrongShape.Take(3))}{(wrongShape.Count > 3 ? ", …" : "")})");
        if (unexpected.Count > 0) parts.Add($"{unexpected.Count} unexpected ({string.Join(", ", unexpected.Take(3))}{(unexpected.Count > 3 ? ", …" : "")})");
        throw new InvalidDataException(
            $"{path}: the checkpoint's header names the model {architecture}, but its weights are of another architecture: " +
            string.Join("; ", parts) + ". The header does not belong to these weights (edited, or copied from another run).");
    }

    private static string Shape(Tensor t) => "[" + string.Join("x", t.shape) + "]";

    /// <summary>
    /// Predicts every JPEG/PNG under <paramref name="directory"/>. A file inside a class folder (normal, benign,
    /// cancer or malignant, at any depth) gets that label; other files get label −1 (unknown).
    /// </summary>
    public List<Prediction> PredictFolder(string directory, int batchSize = 32) => PredictFolder(directory, out _, batchSize);

    /// <summary>
    /// <see cref="PredictFolder(string, int)"/>, with what the walk did not follow or count in <paramref name="skipped"/>:
    /// folder links back into the tree (each file is predicted once), dangling links and link loops.
    /// </summary>
    public List<Prediction> PredictFolder(string directory, out IReadOnlyList<SkippedFile> skipped, int batchSize = 32)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"image folder {directory} does not exist");
        var notFollowed = new List<SkippedFile>();
        var files = ImageFiles.Enumerate(directory, notFollowed);
        skipped = notFollowed;
        if (files.Count == 0) throw new InvalidDataException($"{directory} holds no .jpg/.jpeg/.png files");
        int size = Checkpoint.Settings.ImageSize;
        var predictions = new List<Prediction>(files.Count);
        using var tf32 = SpeedSetup.UseTf32(Checkpoint.Settings.Speed); // as the run's own evaluation
        BatchPrediction.Run(_model.Model, files.Count, batchSize, (start, count) =>
        {
            var pixels = new byte[count * size * size];
            for (int i = 0; i < count; i++)
            {
                string file = files[start + i];
                byte[] decoded;
                try { decoded = ImageDecoding.Decode(File.ReadAllBytes(file), size, DataOptions.DefaultMaxDecodedPixels); }
                catch (BadImageException e) { throw new InvalidDataException($"{file}: {e.Message}", e); }
                decoded.CopyTo(pixels, i * size * size);
            }
            return _model.Forward(_input.Eval(tensor(pixels, new long[] { count, 1, size, size }, device: _device)));
        }, (start, count, logits) =>
        {
            var probabilities = BatchPrediction.Probabilities(logits);
            for (int i = 0; i < count; i++)
            {
                string rel = Path.GetRelativePath(directory, files[start + i]).Replace('\\', '/');
                int label = rel.Split('/').SkipLast(1).Select(ClassLabels.FromName).LastOrDefault(l => l is not null) ?? -1;
                predictions.Add(new Prediction(rel, label, BatchPrediction.Row(probabilities, i),
                    SampleIds.FromFileName(Path.GetFileName(files[start + i]))));
            }
        });
        // The run's own decision rule: the offsets it fitted on validation, recorded in the checkpoint it evaluated.
        return Checkpoint.DecisionOffsets is { } offsets ? DecisionCalibration.Apply(predictions, offsets) : predictions;
    }

    /// <inheritdoc />
    public void Dispose() => _model.Model.Dispose();
}
