namespace Repro.Data.Augment;

/// <summary>
/// The MTH416 study's transforms, as tensor pipelines over the uint8 tensor set.
/// <para>
/// The study (torchvision, PIL images read as RGB) ran: resize 224 → horizontal flip → vertical flip →
/// rotation ±45° (fill 0) → random resized crop 224 (scale 0.8–1.0, ratio 0.8–1.2) → perspective
/// (0.3, p 0.5) → colour jitter (0.4, 0.4, 0.4, 0.1) → ToTensor (to [0,1]) → normalise (ImageNet) →
/// random erasing (p 0.5) → gaussian noise σ 0.01 → clamp [0,1].
/// </para>
/// <para>
/// Here the scaling to [0,1] and the channel repeat come first, since batches are uint8 grayscale
/// tensors. That is the same computation: every geometric step is a resampling (a weighted average of
/// pixels, or a pick), which commutes with the linear map x/255; colour jitter is defined on [0,1] with
/// the same clamps as on 0…255; and repeating one channel into three before or after makes no
/// difference to per-pixel steps. What differs is only PIL's rounding to uint8 after each step
/// (at most ½/255 per step), which the float pipeline does not do.
/// </para>
/// </summary>
public static class StudyTransforms
{
    /// <summary>
    /// The study's training pipeline. <paramref name="clampAfterNormalize"/> true: the study's defect 1 —
    /// noise and the [0,1] clamp run on the normalised tensor, so training inputs live in [0,1] while
    /// evaluation inputs span ≈ [−2.1, 2.6]. False: fixed — noise and clamp run on [0,1] pixels before the
    /// normalisation, and training inputs span the same range as evaluation inputs.
    /// </summary>
    /// <param name="clampAfterNormalize">True reproduces defect 1; false fixes it.</param>
    /// <param name="imageSize">Side of the square input (the study: 224).</param>
    /// <param name="channels">Input channels: 3 (the study read grayscale files as RGB) or 1.</param>
    public static Compose Train(bool clampAfterNormalize, int imageSize = 224, int channels = 3)
    {
        var normalize = NormalizeFor(channels);
        var steps = new List<IBatchTransform>
        {
            new ToUnitRange(),
            new RepeatChannels(channels),
            new Resize(imageSize),
            new HorizontalFlip(0.5),
            new VerticalFlip(0.5),
            new RandomRotation(45, Fill: 0, Interpolation: Interpolation.Nearest),
            new RandomResizedCrop(imageSize, ScaleMin: 0.8, ScaleMax: 1.0, RatioMin: 0.8, RatioMax: 1.2),
            new RandomPerspective(Distortion: 0.3, P: 0.5, Fill: 0),
            new ColorJitter(Brightness: 0.4, Contrast: 0.4, Saturation: 0.4, Hue: 0.1),
        };
        if (clampAfterNormalize)
        {
            steps.Add(normalize);
            steps.Add(new RandomErasing(P: 0.5));
            steps.Add(new GaussianNoise(0.01));
            steps.Add(new Clamp(0, 1));
        }
        else
        {
            steps.Add(new GaussianNoise(0.01));
            steps.Add(new Clamp(0, 1));
            steps.Add(normalize);
            steps.Add(new RandomErasing(P: 0.5));
        }
        return new Compose(steps);
    }

    /// <summary>
    /// The study's evaluation pipeline: to [0,1], repeat channels, resize, normalise (ImageNet's statistics, or the
    /// model's own <paramref name="normalize"/>). Every run evaluates through it (<c>InputPipeline</c>).
    /// </summary>
    /// <param name="imageSize">Side of the square input.</param>
    /// <param name="channels">Input channels: 3 or 1.</param>
    /// <param name="normalize">The normalisation step; null: <see cref="NormalizeFor"/> the channels.</param>
    public static Compose Eval(int imageSize = 224, int channels = 3, Normalize? normalize = null) => new(
    [
        new ToUnitRange(),
        new RepeatChannels(channels),
        new Resize(imageSize),
        normalize ?? NormalizeFor(channels),
    ]);

    /// <summary>ImageNet statistics for 3 channels; for one channel, their averages (0.449, 0.226).</summary>
    public static Normalize NormalizeFor(int channels) => channels switch
    {
        3 => Normalize.ImageNet,
        1 => new Normalize([0.449], [0.226]),
        _ => throw new ArgumentOutOfRangeException(nameof(channels), "the study's pipelines take 1 or 3 channels"),
    };
}
