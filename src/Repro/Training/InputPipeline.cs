using Repro.IO;
using Repro.Data.Augment;
using Repro.Models;
using Repro.Training.Presets;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// From a uint8 batch <c>[B,1,H,W]</c> on the training device to the model's float32 input: to [0,1], grayscale
/// repeated to the model's channels, the preset's augmentation (train only), and the model's own
/// normalisation. All on the device, seeded by the augmentation generator. (The speed switches' memory format
/// and dtype are the model's business: <see cref="Speed.SpeedModel"/>.)
/// </summary>
internal sealed class InputPipeline
{
    private readonly IBatchTransform _train;
    private readonly IBatchTransform _eval;
    private readonly IMixTransform? _mix;
    private readonly Speed.SpeedOptions? _speed;

    public InputPipeline(Preset preset, InputNormalization normalization)
    {
        var normalize = new Normalize(normalization.Mean, normalization.Std);
        int channels = normalization.Channels, size = preset.ImageSize;
        _eval = StudyTransforms.Eval(size, channels, normalize);
        _train = preset.Augment switch
        {
            // The study's train transform, with the model's normalisation in place of ImageNet's where they differ.
            AugmentKind.Study => new Compose(StudyTransforms.Train(preset.Defects.ClampAfterNormalize, size, channels).Steps
                .Select(s => s is Normalize ? normalize : s).ToList()),
            AugmentKind.Light => new Compose(
            [
                new ToUnitRange(), new RepeatChannels(channels),
                new HorizontalFlip(0.5), new VerticalFlip(0.5),
                new RandomRotation(15, Fill: 0, Interpolation: Interpolation.Bilinear),
                new RandomResizedCrop(size, ScaleMin: 0.85, ScaleMax: 1.0, RatioMin: 0.9, RatioMax: 1.1),
                new ColorJitter(Brightness: 0.2, Contrast: 0.2, Saturation: 0, Hue: 0),
                normalize,
            ]),
            AugmentKind.None => _eval,
            _ => throw new PresetValidationException([$"augment '{preset.Augment}' is not known: use {ReproJson.Names<AugmentKind>()}"]),
        };
        _mix = preset.Mixup > 0 ? new Mixup(preset.Mixup) : null;
        _speed = preset.Speed;
    }

    /// <summary>A description of the evaluation transform and of the input format the model takes (for cache keys).</summary>
    public string EvalDescription => Repro.IO.ReproJson.Serialize(_eval) +
        (_speed is null ? "" : $"|channels_last={_speed.ChannelsLast}|precision={ReproJson.Name(_speed.Precision)}");

    /// <summary>
    /// The training batch for uint8 images and their labels: the augmentation, then mixup of inputs and
    /// targets when the preset asks for it (else the hard labels).
    /// </summary>
    public (Tensor Inputs, Tensor Targets) Train(Tensor images, Tensor labels, Generator generator)
    {
        var x = _train.Apply(images, generator);
        Tensor targets = labels;
        if (_mix is not null)
        {
            var oneHot = TorchSharp.torch.nn.functional.one_hot(labels, Data.ClassLabels.Count).to(ScalarType.Float32);
            (x, targets) = _mix.Apply(x, oneHot, generator);
        }
        return (x, targets);
    }

    /// <summary>The evaluation input (deterministic) for a uint8 batch.</summary>
    public Tensor Eval(Tensor images) => _eval.Apply(images, generator: null);
}
