using Repro.IO;
using System.Diagnostics;
using Repro.Data;
using Repro.Data.Sampling;
using Repro.Evaluation;
using Repro.Models;
using Repro.Results;
using Repro.Runtime;
using Repro.Training.Checkpoints;
using Repro.Training.Losses;
using Repro.Training.Optim;
using Repro.Training.Presets;
using Repro.Training.Schedules;
using Repro.Training.Speed;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// Runs one preset with one seed, start to finish: decode → (features) → epochs of train + validate with
/// plateau LR and early stopping on validation balanced accuracy → restore best weights → evaluate val and
/// test → result file. In the manner of torchvision's reference scripts: <see cref="TrainOneEpoch"/> and
/// <see cref="Evaluate"/> are the two loops; everything else is bookkeeping.
/// </summary>
public sealed class Trainer : IDisposable
{
    private const int SamplerStream = 1, AugmentStream = 2, SubsetStream = 3, CudaEpochStream = 1000; // + epoch

    private readonly Preset _preset;
    private readonly RunOptions _run;
    private readonly Device _device;
    private readonly ITrainingObserver _observer;
    private readonly DatasetSplits _data;
    private readonly TensorSet _train, _val, _test;
    private readonly ReproModel _model;
    private readonly ILossFunction _loss;
    private readonly IOptimizer _optimizer;
    private readonly ReduceLrOnPlateau _plateau;
    private readonly EarlyStopping _early;
    private readonly ISampler _sampler;
    private readonly Generator _samplerGen, _augmentGen;
    private readonly InputPipeline _input;
    private readonly FeatureCache? _features;
    private readonly List<EpochRecord> _history = new();
    private readonly List<string> _warnings = new();
    private readonly HashSet<string> _unfrozen = new(StringComparer.Ordinal);
    private Dictionary<string, Tensor>? _bestState;
    private readonly double _decodeSeconds, _featureSeconds;

    private Trainer(Preset preset, RunOptions run)
    {
        _preset = preset;
        _run = run;
        try
        {
            _observer = run.Observer ?? NullObserver.Instance;
            TorchRuntime.EnsureInitialized(run.Runtime);
            _device = Devices.Resolve(run.Device ?? preset.Device);

            if (run.OutputDirectory is not null)
                foreach (string dir in new[] { run.OutputDirectory, Path.Combine(run.OutputDirectory, "checkpoints") })
                    foreach (string stale in AtomicFile.RemoveStaleTempFiles(dir))
                        _warnings.Add($"removed the stale temporary file {Path.GetFileName(stale)} of an interrupted write (its process is gone)");
            _observer.OnStage("decode");
            var sw = Stopwatch.StartNew();
            _data = DatasetLoader.Load(new DataOptions
            {
                Directory = run.DataDirectory,
                ImageSize = preset.ImageSize,
                Synthetic = new SyntheticOptions { Seed = run.SyntheticSeed, Scale = run.SyntheticScale },
                CacheDirectory = run.CacheDirectory,
                SkipBadFiles = run.SkipBadFiles,
            });
            _warnings.AddRange(_data.Warnings);
            if (_data.Skipped.Count > 0)
                _warnings.Add($"{_data.Skipped.Count} bad file(s) skipped (listed under data.skipped): " +
                              string.Join("; ", _data.Skipped.Take(5).Select(f => $"{f.Path}: {f.Reason}")) + (_data.Skipped.Count > 5 ? "; …" : ""));
            var train = _data.Train;
            if (preset.TrainFraction < 1.0)
            {
                using var subsetGen = TorchRuntime.Generator(run.Seed, SubsetStream);
                train = train.Subset(StratifiedSubset(train.LabelArray, preset.TrainFraction, subsetGen));
            }
            _train = train.To(_device);
            if (!ReferenceEquals(train, _data.Train)) train.Dispose();
            _val = _data.Val.To(_device);
            _test = _data.Test.To(_device);
            _decodeSeconds = sw.Elapsed.TotalSeconds;

            TorchRuntime.Seed(run.Seed);
            _model = ModelFactory.Create(preset.Model, _device);
            _warnings.AddRange(_model.Warnings);
            _warnings.AddRange(SpeedSetup.Warnings(preset.Speed, _device, TorchRuntime.Options.CpuIsa));
            _initialCounts = _model.Counts();
            _loss = EffectiveLoss(preset).Create(_train.ClassCounts());
            SpeedSetup.ApplyToModel(_model, preset.Speed);
            _optimizer = SpeedSetup.CreateOptimizer(GroupsFor(_model), preset.Speed);
            _plateau = new ReduceLrOnPlateau(preset.PlateauPatience, preset.PlateauFactor, preset.MinLearningRate);
            _early = new EarlyStopping(preset.EarlyStoppingPatience);
            _samplerGen = TorchRuntime.Generator(run.Seed, SamplerStream);
            _augmentGen = TorchRuntime.Generator(run.Seed, AugmentStream);
            _sampler = preset.Sampler switch
            {
                "class-weighted" => new ClassWeightedSampler(_train.LabelArray, _samplerGen),
                "shuffled" => new ShuffledSampler(_train.Count, _samplerGen),
                "sequential" => new SequentialSampler(_train.Count),
                _ => throw new ArgumentException($"sampler '{preset.Sampler}' is not known: use class-weighted, shuffled or sequential"),
            };
            _input = new InputPipeline(preset, _model.Normalization);

            if (CanCacheFeatures(preset, _model))
            {
                _observer.OnStage("features");
                sw.Restart();
                _features = FeatureCache.Compute(_model, _input, _train, _val, _test, preset.EvalBatchSize,
                    new DataOptions { CacheDirectory = run.CacheDirectory }.ResolveCacheDirectory(), _data.Fingerprint + (preset.TrainFraction < 1 ? $"|subset{preset.TrainFraction}/{run.Seed}" : ""), _warnings);
                _featureSeconds = sw.Elapsed.TotalSeconds;
            }
        }
        catch
        {
            Dispose(); // whatever was built before the failure (the decoded data, the model) is released now
            throw;
        }
    }

    /// <summary>A trainer with data, model, optimizer and generators ready, before its first epoch (benchmarks time its epochs).</summary>
    internal static Trainer Prepare(Preset preset, RunOptions run) => new(preset, run);

    /// <summary>Runs <paramref name="preset"/> as <paramref name="run"/> says; writes the result file when an output folder is given.</summary>
    public static RunResult Run(Preset preset, RunOptions run)
    {
        var total = Stopwatch.StartNew();
        TorchRuntime.EnsureInitialized(run.Runtime);
        using var tf32 = SpeedSetup.UseTf32(preset.Speed); // for this run only
        using var trainer = new Trainer(preset, run);
        return trainer.Execute(total);
    }

    private RunResult Execute(Stopwatch total)
    {
        int startEpoch = 1;
        if (_run.ResumeFrom is not null) startEpoch = RestoreCheckpoint(_run.ResumeFrom) + 1;
        var trainClock = Stopwatch.StartNew();
        long imagesTrained = 0;
        double secondsTraining = 0;
        bool stoppedEarly = false;
        _observer.OnStage("train");
        for (int epoch = startEpoch; epoch <= _preset.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            ApplyUnfreezing(epoch);
            var lrs = _optimizer.LearningRates.ToArray();
            var (trainLoss, images, seconds) = TrainOneEpoch(epoch);
            imagesTrained += images;
            secondsTraining += seconds;
            var (valPreds, valLoss) = Evaluate(_val);
            var valMetrics = Metrics.Compute(valPreds);
            double ba = valMetrics.BalancedAccuracy;
            bool isBest = _early.Observe(epoch, ba);
            if (isBest) KeepBest();
            _optimizer.SetLearningRates(_plateau.Step(ba, _optimizer.LearningRates));
            var record = new EpochRecord(epoch, lrs, trainLoss, valLoss, ba,
                valMetrics.Classes.Select(c => c.Recall).ToArray(), isBest, images / Math.Max(seconds, 1e-9),
                epochClock.Elapsed.TotalSeconds);
            _history.Add(record);
            _observer.OnEpoch(record, _preset.Epochs);
            stoppedEarly = _early.ShouldStop && epoch < _preset.Epochs;
            SaveCheckpoint(epoch, isBest);
            if (_run.InterruptAfterEpoch == epoch && epoch < _preset.Epochs && !stoppedEarly)
                throw new RunInterruptedException(epoch, CheckpointPath("last"));
            if (stoppedEarly) break;
        }
        double trainSeconds = trainClock.Elapsed.TotalSeconds;

        _observer.OnStage("test");
        var evalClock = Stopwatch.StartNew();
        int bestEpoch = _early.State.BestEpoch;
        string evaluated;
        if (_preset.Defects.ShallowBestRestore)
            evaluated = $"last (epoch {LastEpoch}; shallow-copy defect: the 'best' state followed the live weights)";
        else if (_bestState is not null)
        {
            LoadState(_bestState);
            evaluated = $"best (epoch {bestEpoch})";
        }
        else evaluated = $"last (epoch {LastEpoch})";
        var (valFinal, _) = Evaluate(_val);
        var (testFinal, _) = Evaluate(_test);
        double[]? offsets = null;
        if (_preset.CalibrateOnValidation)
        {
            offsets = DecisionCalibration.Fit(valFinal);
            valFinal = DecisionCalibration.Apply(valFinal, offsets);
            testFinal = DecisionCalibration.Apply(testFinal, offsets);
        }
        var validation = Metrics.Compute(valFinal);
        var test = Metrics.Compute(testFinal, new MetricOptions(BootstrapResamples: _preset.BootstrapResamples, Seed: (ulong)_run.Seed));
        var operatingPoint = OperatingPoint.Evaluate(valFinal, testFinal, _preset.TargetSpecificity);
        double evalSeconds = evalClock.Elapsed.TotalSeconds;

        var result = new RunResult
        {
            Preset = _preset.Name,
            Settings = _preset,
            SettingsHash = PresetHash.Of(_preset),
            Seed = _run.Seed,
            Device = _device.ToString(),
            Data = new DataSummary(_data.Source, _data.Fingerprint, _preset.ImageSize,
                new Dictionary<string, int[]> { ["train"] = _data.Train.ClassCounts(), ["val"] = _data.Val.ClassCounts(), ["test"] = _data.Test.ClassCounts() },
                _train.Count, _data.Skipped),
            Environment = EnvironmentInfo.Collect(),
            Model = new ModelSummary(_model.Architecture, _initialCounts),
            History = _history.ToList(),
            BestEpoch = bestEpoch,
            EpochsRun = LastEpoch,
            StoppedEarly = stoppedEarly,
            EvaluatedWeights = evaluated,
            FeaturesCached = _features is not null,
            Validation = validation,
            Test = test,
            OperatingPoint = operatingPoint,
            DecisionOffsets = offsets,
            TestPredictions = testFinal,
            ValidationPredictions = valFinal,
            Timings = new Timings(_decodeSeconds, _featureSeconds, trainSeconds, evalSeconds, total.Elapsed.TotalSeconds,
                imagesTrained / Math.Max(secondsTraining, 1e-9)),
            Warnings = _warnings.ToList(),
        };
        if (_run.OutputDirectory is not null)
        {
            string path = Path.Combine(_run.OutputDirectory, ResultFile.FileName(_preset.Name, _run.Seed));
            ResultFile.Write(path, result);
            PredictionsCsv.Write(Path.ChangeExtension(path, ".test-predictions.csv"), testFinal);
        }
        return result;
    }

    private int LastEpoch => _history.Count == 0 ? 0 : _history[^1].Epoch;

    private readonly ParameterCounts _initialCounts;

    /// <summary>One pass over the sampler's indices: forward, loss, backward, clip, step.</summary>
    internal (double MeanLoss, long Images, double Seconds) TrainOneEpoch(int epoch)
    {
        _model.SetMode(true, _preset.Defects.FrozenBatchNormTrains);
        if (_device.type == DeviceType.CUDA) TorchRuntime.SeedCuda(_run.Seed, CudaEpochStream + epoch); // dropout: see SeedCuda
        long[] order = _sampler.NextEpoch();
        int batches = (order.Length + _preset.BatchSize - 1) / _preset.BatchSize;
        int readEvery = _preset.Speed?.LossReadInterval ?? 1;
        if (readEvery <= 0) readEvery = batches;
        using var orderOnDevice = tensor(order, device: _device); // one host-to-device copy per epoch
        using var lossSum = zeros(1, dtype: ScalarType.Float64, device: _device);
        double lossRead = 0;
        int lastRead = 0;
        var clock = Stopwatch.StartNew();
        for (int b = 0; b < batches; b++)
        {
            using var scope = NewDisposeScope();
            int start = b * _preset.BatchSize, count = Math.Min(_preset.BatchSize, order.Length - start);
            var idx = orderOnDevice.narrow(0, start, count);
            var y = _train.Labels.index_select(0, idx);
            Tensor logits, target = y;
            if (_features is not null)
                logits = _model.Head(_features.Train.index_select(0, idx));
            else
            {
                (var x, target) = _input.Train(_train.Images.index_select(0, idx), y, _augmentGen);
                logits = _model.forward(x);
            }
            var loss = _loss.Compute(SpeedSetup.ToFloat32(logits), target);
            lossSum.add_(loss.detach());
            if (b + 1 - lastRead >= readEvery || b + 1 == batches)
            {
                // A read waits for the device; the sum on the device is what the epoch's mean comes from.
                double total = lossSum.item<double>();
                double value = (total - lossRead) / (b + 1 - lastRead);
                if (!double.IsFinite(value))
                    throw new TrainingDivergedException(
                        $"{_preset.Name}: the training loss is {value} at epoch {epoch}, " +
                        (b == lastRead ? $"batch {b + 1}" : $"batches {lastRead + 1}-{b + 1}") + $" of {batches}; " +
                        "lower the learning rate or check the input data");
                lossRead = total;
                lastRead = b + 1;
                _observer.OnBatch(epoch, _preset.Epochs, b + 1, batches, value, (start + count) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
            }
            _optimizer.ZeroGrad();
            loss.backward();
            if (_preset.GradClipNorm > 0) _optimizer.ClipGradNorm(_preset.GradClipNorm);
            _optimizer.Step();
        }
        return (lossRead / Math.Max(batches, 1), order.Length, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Predictions (softmax probabilities) and mean criterion loss on a split, in eval mode, no gradients.</summary>
    private (List<Prediction> Predictions, double MeanLoss) Evaluate(TensorSet split)
    {
        _model.SetMode(false);
        using var noGrad = no_grad();
        var predictions = new List<Prediction>(split.Count);
        double lossSum = 0;
        int batches = 0;
        var featureSet = _features?.For(split.Split);
        for (int start = 0; start < split.Count; start += _preset.EvalBatchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(_preset.EvalBatchSize, split.Count - start);
            var y = split.Labels.narrow(0, start, count);
            var logits = featureSet is not null
                ? _model.Head(featureSet.narrow(0, start, count))
                : _model.forward(_input.Eval(split.Images.narrow(0, start, count)));
            logits = SpeedSetup.ToFloat32(logits);
            lossSum += _loss.Compute(logits, y).item<float>();
            batches++;
            var probs = nn.functional.softmax(logits.to(ScalarType.Float64), 1).cpu();
            var flat = probs.data<double>().ToArray();
            for (int i = 0; i < count; i++)
                predictions.Add(new Prediction(split.Paths[start + i], split.LabelArray[start + i],
                    flat.AsSpan(i * ClassLabels.Count, ClassLabels.Count).ToArray(), split.Ids[start + i]));
        }
        return (predictions, lossSum / Math.Max(batches, 1));
    }

    private void KeepBest()
    {
        if (_preset.Defects.ShallowBestRestore) return; // the study's shallow copy: nothing is kept apart from the live weights
        if (_bestState is not null) foreach (var t in _bestState.Values) t.Dispose();
        using var scope = NewDisposeScope(); // the detached temporaries stay referenced while they are cloned
        _bestState = _model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope(), StringComparer.Ordinal);
    }

    private void LoadState(Dictionary<string, Tensor> state)
    {
        using var noGrad = no_grad();
        var live = _model.state_dict();
        foreach (var (name, value) in state)
        {
            if (!live.TryGetValue(name, out var target))
                throw new InvalidDataException($"state holds '{name}', which {_model.Architecture} does not have");
            target.copy_(value);
        }
    }

    private IEnumerable<ParamGroup> GroupsFor(ReproModel model)
    {
        foreach (var (name, ps) in model.ParameterGroups())
        {
            if (ps.Count == 0) continue;
            double lr = name == "backbone" ? _preset.BackboneLearningRate : _preset.LearningRate;
            yield return new ParamGroup(name, ps, lr, _preset.WeightDecay);
        }
    }

    private void ApplyUnfreezing(int epoch)
    {
        foreach (var (stage, after) in new[] { ("layer4", _preset.UnfreezeLayer4AfterEpoch), ("layer3", _preset.UnfreezeLayer3AfterEpoch) })
        {
            if (after is null || epoch <= after.Value || _unfrozen.Contains(stage)) continue;
            var before = _model.parameters().Where(p => p.requires_grad).ToHashSet(ReferenceEqualityComparer.Instance);
            if (!_model.Unfreeze(stage)) throw new ArgumentException($"{_model.Architecture} has no stage '{stage}' to unfreeze");
            var added = _model.parameters().Where(p => p.requires_grad && !before.Contains(p)).ToList();
            _optimizer.AddGroup(new ParamGroup("backbone-" + stage, added, _preset.BackboneLearningRate, _preset.WeightDecay));
            _unfrozen.Add(stage);
        }
    }

    /// <summary>The loss as the preset asks, with defect 3 switched off where requested: the sampler already
    /// balances the classes, so the loss does not re-weight them a second time.</summary>
    internal static LossSpec EffectiveLoss(Preset p)
    {
        if (p.Defects.DoubleReweighting || p.Sampler != "class-weighted") return p.Loss;
        return p.Loss.Kind switch
        {
            "focal" when p.Loss.Weights is null => p.Loss with { Weights = new[] { 1.0, 1.0, 1.0 } },
            "weighted-ce" => p.Loss with { Kind = "ce", Weights = null },
            _ => p.Loss,
        };
    }

    internal static bool CanCacheFeatures(Preset p, ReproModel model) =>
        p.CacheFeatures && model.HasFrozenBackbone && p.Augment == "none" && !p.Defects.FrozenBatchNormTrains
        && p.UnfreezeLayer4AfterEpoch is null && p.UnfreezeLayer3AfterEpoch is null && p.Mixup == 0;

    /// <summary>A class-stratified subset: <paramref name="fraction"/> of each class (at least one), in original order.</summary>
    internal static long[] StratifiedSubset(IReadOnlyList<int> labels, double fraction, Generator g)
    {
        var chosen = new List<long>();
        for (int c = 0; c < ClassLabels.Count; c++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            if (members.Length == 0) continue;
            int take = Math.Max(1, (int)Math.Round(members.Length * fraction));
            using var perm = randperm(members.Length, generator: g);
            chosen.AddRange(perm.data<long>().ToArray().Take(take).Select(i => (long)members[i]));
        }
        chosen.Sort();
        return chosen.ToArray();
    }

    private string? CheckpointPath(string kind) => _run.OutputDirectory is null || !_run.WriteCheckpoints
        ? null
        : Path.Combine(_run.OutputDirectory, "checkpoints", $"{_preset.Name}-seed{_run.Seed}.{kind}.ckpt");

    private void SaveCheckpoint(int epoch, bool isBest)
    {
        string? last = CheckpointPath("last");
        if (last is null) return;
        using var scope = NewDisposeScope(); // the optimizer's per-parameter views (flat optimizer) end here
        var header = new TrainerCheckpoint(_preset.Name, _preset, PresetHash.Of(_preset), _run.Seed, _data.Fingerprint, epoch, _history.ToList(),
            _early.State, _plateau.State, _optimizer.Steps, _optimizer.LearningRates.ToArray(), _unfrozen.OrderBy(s => s, StringComparer.Ordinal).ToList(),
            _bestState is not null);
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var (name, t) in _model.state_dict()) tensors.Add(new("model/" + name, t));
        if (_bestState is not null) foreach (var (name, t) in _bestState) tensors.Add(new("best/" + name, t));
        int i = 0;
        foreach (var mv in _optimizer.Moments())
        {
            if (mv is { } m) { tensors.Add(new($"opt/m/{i}", m.M)); tensors.Add(new($"opt/v/{i}", m.V)); }
            i++;
        }
        i = 0;
        foreach (var master in _optimizer.MasterWeights())
        {
            if (master is not null) tensors.Add(new($"opt/master/{i}", master));
            i++;
        }
        using var rng = torch.random.get_rng_state();
        using var samplerState = _samplerGen.get_state();
        using var augmentState = _augmentGen.get_state();
        tensors.Add(new("rng/default", rng));
        tensors.Add(new("rng/sampler", samplerState));
        tensors.Add(new("rng/augment", augmentState));
        string json = ReproJson.Serialize(header);
        TensorArchive.Write(last, json, tensors);
        if (isBest)
        {
            using var source = File.OpenRead(last);
            AtomicFile.Write(CheckpointPath("best")!, source.CopyTo); // same bytes: no second serialisation
        }
    }

    /// <summary>Loads a checkpoint of this preset and seed; returns the epoch it was taken after.</summary>
    private int RestoreCheckpoint(string path)
    {
        var (json, tensors) = TensorArchive.Read(path);
        try
        {
            var h = ReproJson.Deserialize<TrainerCheckpoint>(json, path);
            string hash = PresetHash.Of(_preset);
            if (h.SettingsHash != hash || h.Seed != _run.Seed || h.DataFingerprint != _data.Fingerprint)
                throw new InvalidDataException(
                    $"{path} was written by preset {h.Preset} (settings {h.SettingsHash}, seed {h.Seed}, data {h.DataFingerprint}); " +
                    $"this run is {_preset.Name} (settings {hash}, seed {_run.Seed}, data {_data.Fingerprint}): resume needs the same three");
            ApplyUnfreezing(h.Epoch); // the parameter groups as they were during the checkpoint's epoch
            if (!_unfrozen.SetEquals(h.Unfrozen))
                throw new InvalidDataException($"{path}: unfrozen stages [{string.Join(", ", h.Unfrozen)}] do not follow from the preset at epoch {h.Epoch}");
            LoadState(Prefixed(tensors, "model/"));
            if (h.HasBest) { _bestState = Prefixed(tensors, "best/").ToDictionary(kv => kv.Key, kv => kv.Value.to(_device).DetachFromDisposeScope()); }
            var ps = _optimizer.Parameters.ToList();
            var moments = new List<(Tensor M, Tensor V)?>();
            for (int i = 0; i < ps.Count; i++)
                moments.Add(tensors.TryGetValue($"opt/m/{i}", out var m) && tensors.TryGetValue($"opt/v/{i}", out var v) ? (m, v) : null);
            var masters = Enumerable.Range(0, ps.Count).Select(i => tensors.GetValueOrDefault($"opt/master/{i}")).ToList();
            _optimizer.Restore(h.OptimizerSteps, h.LearningRates, moments, masters);
            _early.State = h.EarlyStopping;
            _plateau.State = h.Plateau;
            _history.Clear();
            _history.AddRange(h.History);
            torch.random.set_rng_state(tensors["rng/default"]);
            _samplerGen.set_state(tensors["rng/sampler"]);
            _augmentGen.set_state(tensors["rng/augment"]);
            return h.Epoch;
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    private static Dictionary<string, Tensor> Prefixed(Dictionary<string, Tensor> all, string prefix) =>
        all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
           .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        // Null-tolerant: the constructor calls this when it fails partway.
        _features?.Dispose();
        if (_bestState is not null) foreach (var t in _bestState.Values) t.Dispose();
        _optimizer?.Dispose();
        _model?.Dispose();
        _samplerGen?.Dispose();
        _augmentGen?.Dispose();
        _train?.Dispose();
        _val?.Dispose();
        _test?.Dispose();
        _data?.Dispose();
    }

    private sealed class NullObserver : ITrainingObserver
    {
        public static readonly NullObserver Instance = new();
    }
}
