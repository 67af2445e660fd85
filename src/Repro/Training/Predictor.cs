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
    private readonly ReproModel _model;
    private readonly InputPipeline _input;
    private readonly Device _device;

    private Predictor(ReproModel model, InputPipeline input, Device device, TrainerCheckpoint header)
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
            SpeedSetup.ApplyToModel(model, header.Settings.Speed); // bf16 layers and channels-last weights, as trained
            string prefix = header.HasBest && !header.Settings.Defects.ShallowBestRestore ? "best/" : "model/";
            using (no_grad())
            {
                var live = model.state_dict();
                foreach (var (name, target) in live)
                {
                    if (!tensors.TryGetValue(prefix + name, out var value))
                        throw new InvalidDataException($"{path}: no weights for '{name}' of {model.Architecture}");
                    target.copy_(value);
                }
            }
            model.SetMode(false);
            return new Predictor(model, new InputPipeline(header.Settings, model.Normalization), dev, header);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>
    /// Predicts every JPEG/PNG under <paramref name="directory"/>. A file inside a class folder (normal, benign,
    /// cancer or malignant, at any depth) gets that label; other files get label −1 (unknown).
    /// </summary>
    public List<Prediction> PredictFolder(string directory, int batchSize = 32)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"image folder {directory} does not exist");
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png")
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidDataException($"{directory} holds no .jpg/.jpeg/.png files");
        int size = Checkpoint.Settings.ImageSize;
        var predictions = new List<Prediction>(files.Count);
        using var tf32 = SpeedSetup.UseTf32(Checkpoint.Settings.Speed); // as the run's own evaluation
        BatchPrediction.Run(_model, files.Count, batchSize, (start, count) =>
        {
            var pixels = new byte[count * size * size];
            for (int i = 0; i < count; i++)
            {
                string file = files[start + i];
                byte[] decoded;
                try { decoded = ImageDecoding.Decode(File.ReadAllBytes(file), size, 40_000_000); }
                catch (BadImageException e) { throw new InvalidDataException($"{file}: {e.Message}", e); }
                decoded.CopyTo(pixels, i * size * size);
            }
            return _model.forward(_input.Eval(tensor(pixels, new long[] { count, 1, size, size }, device: _device)));
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
    public void Dispose() => _model.Dispose();
}
