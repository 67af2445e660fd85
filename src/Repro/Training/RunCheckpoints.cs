using Repro.IO;
using Repro.Training.Checkpoints;
using Repro.Training.Presets;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// The run's checkpoints (in the manner of timm's <c>CheckpointSaver</c>): after every epoch the last one
/// (weights, best weights, optimizer moments, schedules, generator states: enough to resume bit for bit) and a
/// copy of it as the best one when the epoch was the best; restoring one of this preset, seed and data; and, after
/// the final evaluation, recording in the checkpoints that hold the evaluated weights what prediction needs besides
/// them (the decision offsets).
/// </summary>
internal sealed class RunCheckpoints
{
    /// <summary>The checkpoint written after every epoch.</summary>
    public const string Last = "last";
    /// <summary>The copy of <see cref="Last"/> taken after the best epoch.</summary>
    public const string Best = "best";

    private readonly RunSetup _s;
    private readonly FitLoop _fit;

    /// <summary>The checkpoints of <paramref name="setup"/>'s run, with <paramref name="fit"/>'s state.</summary>
    public RunCheckpoints(RunSetup setup, FitLoop fit)
    {
        _s = setup;
        _fit = fit;
    }

    /// <summary>The path of checkpoint <paramref name="kind"/>; null when the run writes none.</summary>
    public string? PathOf(string kind) => _s.Run.OutputDirectory is null || !_s.Run.WriteCheckpoints
        ? null
        : PathIn(_s.Run.OutputDirectory, _s.Preset, _s.Run.Seed, kind);

    /// <summary>The path of checkpoint <paramref name="kind"/> of a run of <paramref name="preset"/> and <paramref name="seed"/>
    /// writing into <paramref name="outputDirectory"/> (a sweep entry resumes from its last one).</summary>
    public static string PathIn(string outputDirectory, Preset preset, long seed, string kind) =>
        Path.Combine(outputDirectory, "checkpoints", $"{ResultIdentity.Stem(preset, seed)}.{kind}.ckpt");

    /// <summary>Writes the last checkpoint after <paramref name="epoch"/> (and the best one when <paramref name="isBest"/>).</summary>
    public void Save(int epoch, bool isBest)
    {
        string? last = PathOf(Last);
        if (last is null) return;
        var preset = _s.Preset;
        var optimizer = _s.Optimizer;
        using var scope = NewDisposeScope(); // the optimizer's per-parameter views (flat optimizer) end here
        var header = new TrainerCheckpoint(preset.Name, preset, PresetHash.Of(preset), _s.Run.Seed, _s.Data.Fingerprint, epoch, _fit.History.ToList(),
            _s.Early.State, _s.Plateau.State, optimizer.Steps, optimizer.LearningRates.ToArray(), _fit.Unfrozen.OrderBy(s => s, StringComparer.Ordinal).ToList(),
            _fit.BestState is not null);
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var (name, t) in _s.Model.state_dict()) tensors.Add(new("model/" + name, t));
        if (_fit.BestState is not null) foreach (var (name, t) in _fit.BestState) tensors.Add(new("best/" + name, t));
        int i = 0;
        foreach (var mv in optimizer.Moments())
        {
            if (mv is { } m) { tensors.Add(new($"opt/m/{i}", m.M)); tensors.Add(new($"opt/v/{i}", m.V)); }
            i++;
        }
        i = 0;
        foreach (var master in optimizer.MasterWeights())
        {
            if (master is not null) tensors.Add(new($"opt/master/{i}", master));
            i++;
        }
        using var rng = torch.random.get_rng_state();
        using var samplerState = _s.SamplerGenerator.get_state();
        using var augmentState = _s.AugmentGenerator.get_state();
        tensors.Add(new("rng/default", rng));
        tensors.Add(new("rng/sampler", samplerState));
        tensors.Add(new("rng/augment", augmentState));
        string json = ReproJson.Serialize(header);
        TensorArchive.Write(last, json, tensors);
        if (isBest)
        {
            using var source = File.OpenRead(last);
            AtomicFile.Write(PathOf(Best)!, source.CopyTo); // same bytes: no second serialisation
        }
    }

    /// <summary>Loads a checkpoint of this preset and seed into the run; returns the epoch it was taken after.</summary>
    public int Restore(string path)
    {
        var (json, tensors) = TensorArchive.Read(path);
        try
        {
            var preset = _s.Preset;
            var h = ReproJson.Deserialize<TrainerCheckpoint>(json, path);
            string hash = PresetHash.Of(preset);
            if (h.SettingsHash != hash || h.Seed != _s.Run.Seed || h.DataFingerprint != _s.Data.Fingerprint)
                throw new InvalidDataException(
                    $"{path} was written by preset {h.Preset} (settings {h.SettingsHash}, seed {h.Seed}, data {h.DataFingerprint}); " +
                    $"this run is {preset.Name} (settings {hash}, seed {_s.Run.Seed}, data {_s.Data.Fingerprint}): resume needs the same three");
            _fit.ApplyUnfreezing(h.Epoch); // the parameter groups as they were during the checkpoint's epoch
            if (!_fit.Unfrozen.SetEquals(h.Unfrozen))
                throw new InvalidDataException($"{path}: unfrozen stages [{string.Join(", ", h.Unfrozen)}] do not follow from the preset at epoch {h.Epoch}");
            _fit.LoadState(Prefixed(tensors, "model/"));
            if (h.HasBest) _fit.RestoreBest(Prefixed(tensors, "best/").ToDictionary(kv => kv.Key, kv => kv.Value.to(_s.Device).DetachFromDisposeScope()));
            var ps = _s.Optimizer.Parameters.ToList();
            var moments = new List<(Tensor M, Tensor V)?>();
            for (int i = 0; i < ps.Count; i++)
                moments.Add(tensors.TryGetValue($"opt/m/{i}", out var m) && tensors.TryGetValue($"opt/v/{i}", out var v) ? (m, v) : null);
            var masters = Enumerable.Range(0, ps.Count).Select(i => tensors.GetValueOrDefault($"opt/master/{i}")).ToList();
            _s.Optimizer.Restore(h.OptimizerSteps, h.LearningRates, moments, masters);
            _s.Early.State = h.EarlyStopping;
            _s.Plateau.State = h.Plateau;
            _fit.RestoreHistory(h.History);
            torch.random.set_rng_state(tensors["rng/default"]);
            _s.SamplerGenerator.set_state(tensors["rng/sampler"]);
            _s.AugmentGenerator.set_state(tensors["rng/augment"]);
            return h.Epoch;
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>
    /// Records the run's validation-fitted decision <paramref name="offsets"/> in the checkpoints whose weights are the
    /// ones the run evaluated, so that <see cref="Predictor"/> decides as the run did: the last checkpoint (its best
    /// weights when it holds them, else its live ones) and, unless the shallow-copy defect evaluated the last epoch's
    /// weights, the best one. Nothing to do without offsets or checkpoints.
    /// </summary>
    public void RecordDecisionOffsets(IReadOnlyList<double>? offsets)
    {
        if (offsets is null) return;
        foreach (var kind in _s.Preset.Defects.ShallowBestRestore ? new[] { Last } : new[] { Last, Best })
        {
            string? path = PathOf(kind);
            if (path is null || !File.Exists(path)) continue;
            var (json, tensors) = TensorArchive.Read(path);
            try
            {
                var header = ReproJson.Deserialize<TrainerCheckpoint>(json, path) with { DecisionOffsets = offsets.ToArray() };
                TensorArchive.Write(path, ReproJson.Serialize(header), tensors);
            }
            finally
            {
                foreach (var t in tensors.Values) t.Dispose();
            }
        }
    }

    private static Dictionary<string, Tensor> Prefixed(Dictionary<string, Tensor> all, string prefix) =>
        all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
           .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);
}
