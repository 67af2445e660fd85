using System.Diagnostics;
using Repro.Evaluation;
using Repro.Runtime;
using Repro.Training.Speed;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// The fit loop of one run, in the manner of torchvision's reference script: <see cref="TrainOneEpoch"/> and
/// <see cref="Evaluate"/> are the two loops; <see cref="Fit"/> runs epochs of both with the plateau schedule,
/// early stopping and the best weights kept apart, and checkpoints after every epoch.
/// </summary>
internal sealed class FitLoop : IDisposable
{
    private const int CudaEpochStream = 1000; // + epoch

    private readonly RunSetup _s;
    private readonly HashSet<string> _unfrozen = new(StringComparer.Ordinal);

    /// <summary>A fit loop over what <paramref name="setup"/> built (which it does not own).</summary>
    public FitLoop(RunSetup setup) => _s = setup;

    /// <summary>The epochs run so far (restored ones included).</summary>
    public List<EpochRecord> History { get; } = new();

    /// <summary>The backbone stages unfrozen so far.</summary>
    public IReadOnlySet<string> Unfrozen => _unfrozen;

    /// <summary>A copy of the weights of the best epoch so far; null before the first, and always with the shallow-copy defect.</summary>
    public Dictionary<string, Tensor>? BestState { get; private set; }

    /// <summary>The last epoch run (0 before the first).</summary>
    public int LastEpoch => History.Count == 0 ? 0 : History[^1].Epoch;

    /// <summary>Epochs <paramref name="startEpoch"/> to the preset's last, or until early stopping; a checkpoint after each.</summary>
    /// <exception cref="RunInterruptedException">After the epoch the run options ask to stop at.</exception>
    public FitOutcome Fit(int startEpoch, RunCheckpoints checkpoints)
    {
        var preset = _s.Preset;
        var trainClock = Stopwatch.StartNew();
        long imagesTrained = 0;
        double secondsTraining = 0;
        bool stoppedEarly = false;
        _s.Observer.OnStage("train");
        for (int epoch = startEpoch; epoch <= preset.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            ApplyUnfreezing(epoch);
            var lrs = _s.Optimizer.LearningRates.ToArray();
            var (trainLoss, images, seconds) = TrainOneEpoch(epoch);
            imagesTrained += images;
            secondsTraining += seconds;
            var (valPreds, valLoss) = Evaluate(_s.Val);
            var valMetrics = Metrics.Compute(valPreds);
            double ba = valMetrics.BalancedAccuracy;
            bool isBest = _s.Early.Observe(epoch, ba);
            if (isBest) KeepBest();
            _s.Optimizer.SetLearningRates(_s.Plateau.Step(ba, _s.Optimizer.LearningRates));
            var record = new EpochRecord(epoch, lrs, trainLoss, valLoss, ba,
                valMetrics.Classes.Select(c => c.Recall).ToArray(), isBest, images / Math.Max(seconds, 1e-9),
                epochClock.Elapsed.TotalSeconds);
            History.Add(record);
            _s.Observer.OnEpoch(record, preset.Epochs);
            stoppedEarly = _s.Early.ShouldStop && epoch < preset.Epochs;
            checkpoints.Save(epoch, isBest);
            if (_s.Run.InterruptAfterEpoch == epoch && epoch < preset.Epochs && !stoppedEarly)
                throw new RunInterruptedException(epoch, checkpoints.PathOf(RunCheckpoints.Last));
            if (stoppedEarly) break;
        }
        return new FitOutcome(imagesTrained, secondsTraining, trainClock.Elapsed.TotalSeconds, stoppedEarly);
    }

    /// <summary>One pass over the sampler's indices: forward, loss, backward, clip, step.</summary>
    internal (double MeanLoss, long Images, double Seconds) TrainOneEpoch(int epoch)
    {
        var preset = _s.Preset;
        var model = _s.Model;
        var net = _s.Net;
        var optimizer = _s.Optimizer;
        var features = _s.Features;
        model.SetMode(true, preset.Defects.FrozenBatchNormTrains);
        if (_s.Device.type == DeviceType.CUDA) TorchRuntime.SeedCuda(_s.Run.Seed, CudaEpochStream + epoch); // dropout: see SeedCuda
        long[] order = _s.Sampler.NextEpoch();
        int batches = (order.Length + preset.BatchSize - 1) / preset.BatchSize;
        int readEvery = preset.Speed?.LossReadInterval ?? 1;
        if (readEvery <= 0) readEvery = batches;
        using var orderOnDevice = tensor(order, device: _s.Device); // one host-to-device copy per epoch
        using var lossSum = zeros(1, dtype: ScalarType.Float64, device: _s.Device);
        double lossRead = 0;
        int lastRead = 0;
        var clock = Stopwatch.StartNew();
        for (int b = 0; b < batches; b++)
        {
            using var scope = NewDisposeScope();
            int start = b * preset.BatchSize, count = Math.Min(preset.BatchSize, order.Length - start);
            var idx = orderOnDevice.narrow(0, start, count);
            var y = _s.Train.Labels.index_select(0, idx);
            Tensor logits, target = y;
            if (features is not null)
                logits = net.Head(features.Train.index_select(0, idx));
            else
            {
                (var x, target) = _s.Input.Train(_s.Train.Images.index_select(0, idx), y, _s.AugmentGenerator);
                logits = net.Forward(x);
            }
            var loss = _s.Loss.Compute(logits, target);
            lossSum.add_(loss.detach());
            if (b + 1 - lastRead >= readEvery || b + 1 == batches)
            {
                // A read waits for the device; the sum on the device is what the epoch's mean comes from.
                double total = lossSum.item<double>();
                double value = (total - lossRead) / (b + 1 - lastRead);
                if (!double.IsFinite(value))
                    throw new TrainingDivergedException(
                        $"{preset.Name}: the training loss is {value} at epoch {epoch}, " +
                        (b == lastRead ? $"batch {b + 1}" : $"batches {lastRead + 1}-{b + 1}") + $" of {batches}; " +
                        "lower the learning rate or check the input data");
                lossRead = total;
                lastRead = b + 1;
                _s.Observer.OnBatch(epoch, preset.Epochs, b + 1, batches, value, (start + count) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
            }
            TrainStep.Update(optimizer, loss, preset.GradClipNorm);
        }
        return (lossRead / Math.Max(batches, 1), order.Length, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Predictions (softmax probabilities) and mean criterion loss on a split, in eval mode, no gradients.</summary>
    public (List<Prediction> Predictions, double MeanLoss) Evaluate(Data.TensorSet split)
    {
        var predictions = new List<Prediction>(split.Count);
        double lossSum = 0;
        int batches = 0;
        var featureSet = _s.Features?.For(split.Split);
        BatchPrediction.Run(_s.Model, split.Count, _s.Preset.EvalBatchSize,
            (start, count) => featureSet is not null
                ? _s.Net.Head(featureSet.narrow(0, start, count))
                : _s.Net.Forward(_s.Input.Eval(split.Images.narrow(0, start, count))),
            (start, count, logits) =>
            {
                lossSum += _s.Loss.Compute(logits, split.Labels.narrow(0, start, count)).item<float>();
                batches++;
                var probabilities = BatchPrediction.Probabilities(logits);
                for (int i = 0; i < count; i++)
                    predictions.Add(new Prediction(split.Paths[start + i], split.LabelArray[start + i],
                        BatchPrediction.Row(probabilities, i), split.Ids[start + i]));
            });
        return (predictions, lossSum / Math.Max(batches, 1));
    }

    /// <summary>
    /// Puts the weights the run evaluates into the model and says which they are: the best epoch's, or the last
    /// epoch's (no best kept, or the shallow-copy defect, whose "best" state followed the live weights).
    /// </summary>
    public string UseEvaluatedWeights()
    {
        if (_s.Preset.Defects.ShallowBestRestore)
            return $"last (epoch {LastEpoch}; shallow-copy defect: the 'best' state followed the live weights)";
        if (BestState is null) return $"last (epoch {LastEpoch})";
        LoadState(BestState);
        return $"best (epoch {_s.Early.State.BestEpoch})";
    }

    private void KeepBest()
    {
        if (_s.Preset.Defects.ShallowBestRestore) return; // the study's shallow copy: nothing is kept apart from the live weights
        DisposeBest();
        using var scope = NewDisposeScope(); // the detached temporaries stay referenced while they are cloned
        BestState = _s.Model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope(), StringComparer.Ordinal);
    }

    /// <summary>Copies <paramref name="state"/> into the live weights (names must be the model's).</summary>
    public void LoadState(Dictionary<string, Tensor> state)
    {
        using var noGrad = no_grad();
        var live = _s.Model.state_dict();
        foreach (var (name, value) in state)
        {
            if (!live.TryGetValue(name, out var target))
                throw new InvalidDataException($"state holds '{name}', which {_s.Model.Architecture} does not have");
            target.copy_(value);
        }
    }

    /// <summary>Replaces the kept best weights (a restored checkpoint's); the loop owns and disposes them.</summary>
    public void RestoreBest(Dictionary<string, Tensor> state)
    {
        DisposeBest();
        BestState = state;
    }

    /// <summary>Restores the history of a checkpoint.</summary>
    public void RestoreHistory(IEnumerable<EpochRecord> history)
    {
        History.Clear();
        History.AddRange(history);
    }

    /// <summary>Unfreezes the backbone stages the preset unfreezes by <paramref name="epoch"/>, each as a new optimizer group.</summary>
    public void ApplyUnfreezing(int epoch)
    {
        var preset = _s.Preset;
        foreach (var (stage, after) in new[] { ("layer4", preset.UnfreezeLayer4AfterEpoch), ("layer3", preset.UnfreezeLayer3AfterEpoch) })
        {
            if (after is null || epoch <= after.Value || _unfrozen.Contains(stage)) continue;
            var before = _s.Model.parameters().Where(p => p.requires_grad).ToHashSet(ReferenceEqualityComparer.Instance);
            if (!_s.Model.Unfreeze(stage)) throw new ArgumentException($"{_s.Model.Architecture} has no stage '{stage}' to unfreeze");
            var added = _s.Model.parameters().Where(p => p.requires_grad && !before.Contains(p)).ToList();
            _s.Optimizer.AddGroup(new Optim.ParamGroup("backbone-" + stage, added, preset.BackboneLearningRate, preset.WeightDecay));
            _unfrozen.Add(stage);
        }
    }

    private void DisposeBest()
    {
        if (BestState is not null) foreach (var t in BestState.Values) t.Dispose();
        BestState = null;
    }

    /// <inheritdoc />
    public void Dispose() => DisposeBest();
}

/// <summary>What the fit loop reports besides its history: images and seconds of training proper, the wall time
/// of the loop, and whether early stopping ended it.</summary>
internal sealed record FitOutcome(long ImagesTrained, double SecondsTraining, double TrainSeconds, bool StoppedEarly);
