using Repro.Models;
using static TorchSharp.torch;

namespace Repro.Training.Speed;

/// <summary>
/// A model as a preset's speed switches run it: its input put into the switches' memory format and dtype
/// (channels-last, bf16) and its logits cast back to float32 for the loss and the probabilities. Built by
/// <see cref="SpeedSetup.Apply"/>; the trainer, the evaluation, the feature cache, the predictor and the benchmarks
/// all compute through it, so no caller converts anything itself.
/// </summary>
public sealed class SpeedModel
{
    private readonly SpeedOptions? _speed;

    internal SpeedModel(ReproModel model, SpeedOptions? speed)
    {
        Model = model;
        _speed = speed;
    }

    /// <summary>The model (its weights already converted as the switches ask); the caller owns it.</summary>
    public ReproModel Model { get; }

    /// <summary>Float32 logits of a float32 NCHW batch.</summary>
    public Tensor Forward(Tensor input) => SpeedSetup.ToFloat32(Model.forward(SpeedSetup.ToModelInput(input, _speed)));

    /// <summary>The backbone's features of a float32 NCHW batch (in the model's own dtype).</summary>
    public Tensor Features(Tensor input) => Model.Features(SpeedSetup.ToModelInput(input, _speed));

    /// <summary>The model's feature bank (<see cref="ReproModel.FeatureBank"/>) for <paramref name="input"/>, the input converted as for <see cref="Features"/>.</summary>
    public Tensor FeatureBank(Tensor input) => Model.FeatureBank(SpeedSetup.ToModelInput(input, _speed));

    /// <summary>Float32 logits of the head on <see cref="Features"/>' output.</summary>
    public Tensor Head(Tensor features) => SpeedSetup.ToFloat32(Model.Head(features));
}
