using Repro.Models;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Losses;
using Repro.Training.Optim;
using Repro.Training.Speed;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Benchmarks;

/// <summary>
/// One model with its optimizer, loss and a resident synthetic batch (normalised-looking float input,
/// random labels) on the benchmark's device: the work of a training step (forward, focal loss, backward,
/// global-norm clip 1.0, AdamW) or of an inference pass, without any input pipeline. Speed switches take effect
/// through <see cref="SpeedSetup"/> and the <see cref="SpeedModel"/> it returns, as in the trainer: each step
/// converts its float32 input to the switches' format, as a training step does.
/// </summary>
public sealed class ModelStep : IDisposable
{
    private readonly ReproModel _model;
    private readonly SpeedModel _net;
    private readonly IOptimizer _optimizer;
    private readonly IDisposable? _tf32;
    private readonly ILossFunction _loss;
    private readonly Tensor _input, _labels;
    private readonly bool _headOnly, _trainAll;

    /// <summary>Builds <paramref name="model"/>'s step for batches of <paramref name="batch"/> images of <paramref name="size"/>².</summary>
    /// <param name="model">The model, already on <paramref name="device"/>.</param>
    /// <param name="device">Where everything lives.</param>
    /// <param name="batch">Images per step.</param>
    /// <param name="size">Side of the square input.</param>
    /// <param name="headOnly">Frozen backbone: features under no_grad, only the head trains.</param>
    /// <param name="trainAll">Every module in train mode (a fully trainable transfer model, stem included);
    /// false: the model's own <see cref="ReproModel.SetMode"/>.</param>
    /// <param name="speed">Speed switches (null: the reference path).</param>
    public ModelStep(ReproModel model, Device device, int batch, int size, bool headOnly, bool trainAll = false, SpeedOptions? speed = null)
    {
        _tf32 = SpeedSetup.UseTf32(speed);
        _net = SpeedSetup.Apply(model, speed);
        _trainAll = trainAll;
        _model = model;
        Device = device;
        _headOnly = headOnly;
        _optimizer = SpeedSetup.CreateOptimizer(model.ParameterGroups().Select(g => new ParamGroup(g.Key, g.Value, 3e-4, 1e-4)), speed);
        _loss = new LossSpec(LossKind.Focal).Create([2145, 186, 132]);
        using var gen = TorchRuntime.Generator(416, 0);
        using var scope = NewDisposeScope(); // every intermediate stays referenced until the input is made
        var input = randn([batch, 3, size, size], generator: gen);
        _input = input.to(device).alias().MoveToOuterDisposeScope();
        _labels = randint(0, 3, [batch], generator: gen, dtype: ScalarType.Int64).to(device).MoveToOuterDisposeScope();
    }

    /// <summary>The device everything runs on.</summary>
    public Device Device { get; }

    /// <summary>The study's global gradient-norm clip.</summary>
    private const double ClipNorm = 1.0;

    /// <summary>Forward, loss, backward, clip, AdamW step; waits for the device; returns the loss.</summary>
    public float TrainStep() => Step(null);

    /// <summary>
    /// The same step with the device waited for after each phase, for <see cref="PhaseTimes"/>: forward (for a frozen
    /// backbone: features under no_grad, then the head), zero-grad + loss + backward, clip + AdamW, in milliseconds.
    /// </summary>
    public (double Forward, double Backward, double Optimizer) TimedTrainStep()
    {
        var marks = new List<long>(4);
        Step(marks);
        double ms(int i) => (marks[i + 1] - marks[i]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        return (ms(0), ms(1), ms(2));
    }

    private float Step(List<long>? marks)
    {
        if (_trainAll) _model.train(); else _model.SetMode(true);
        using var scope = NewDisposeScope();
        void Mark()
        {
            if (marks is null) return;
            BenchDevices.Synchronize(Device);
            marks.Add(System.Diagnostics.Stopwatch.GetTimestamp());
        }
        Mark();
        Tensor logits;
        if (_headOnly)
        {
            Tensor features;
            using (no_grad()) features = _net.Features(_input);
            logits = _net.Head(features);
        }
        else logits = _net.Forward(_input);
        Mark();
        var loss = _loss.Compute(logits, _labels);
        Repro.Training.TrainStep.Update(_optimizer, loss, ClipNorm, Mark); // the trainer's own update: zero-grad, backward, clip, step
        float value = loss.item<float>();
        BenchDevices.Synchronize(Device);
        marks?.Add(System.Diagnostics.Stopwatch.GetTimestamp());
        return value;
    }

    /// <summary>An eval-mode forward pass under no_grad; waits for the device; returns a checksum.</summary>
    public float Infer()
    {
        _model.SetMode(false);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        float value = _net.Forward(_input).sum().item<float>();
        BenchDevices.Synchronize(Device);
        return value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _input.Dispose();
        _labels.Dispose();
        _model.Dispose();
        _tf32?.Dispose();
    }
}
