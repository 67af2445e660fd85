using Repro.Data.Augment;
using Repro.Data.Sampling;
using Repro.Models;
using Repro.Training.Losses;
using Repro.Training.Speed;

namespace Repro.Training.Presets;

/// <summary>
/// A whole experiment as one immutable value: model, data size, optimisation, imbalance handling,
/// augmentation, the study's defects, and evaluation settings. The CLI, the tests and the benchmarks all
/// start from a preset (<see cref="PresetRegistry"/>); any field can be overridden with
/// <c>--set path=value</c> (<see cref="PresetOverrides"/>); <see cref="Validate"/> checks them all before any work.
/// </summary>
public sealed record Preset
{
    /// <summary>Registry name, e.g. <c>q1-cnn</c>.</summary>
    public required string Name { get; init; }
    /// <summary>One line on what it is.</summary>
    public string Description { get; init; } = "";
    /// <summary>The model to build.</summary>
    public required ModelSpec Model { get; init; }
    /// <summary>Square input size; images are decoded at this size.</summary>
    public int ImageSize { get; init; } = 224;
    /// <summary>Stratified fraction of the training split used (1 = all); val and test are never reduced.</summary>
    public double TrainFraction { get; init; } = 1.0;
    /// <summary>Maximum epochs.</summary>
    public int Epochs { get; init; } = 15;
    /// <summary>Training batch size.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>Evaluation batch size.</summary>
    public int EvalBatchSize { get; init; } = 64;
    /// <summary>AdamW learning rate of the head (or of the whole CNN).</summary>
    public double LearningRate { get; init; } = 3e-4;
    /// <summary>Learning rate of unfrozen backbone stages.</summary>
    public double BackboneLearningRate { get; init; } = 1e-5;
    /// <summary>AdamW decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-4;
    /// <summary><c>class-weighted</c> (the study's WeightedRandomSampler, with replacement), <c>shuffled</c> or <c>sequential</c>.</summary>
    public SamplerKind Sampler { get; init; } = SamplerKind.ClassWeighted;
    /// <summary>The loss.</summary>
    public LossSpec Loss { get; init; } = new(LossKind.Focal);
    /// <summary><c>study</c> (the study's train transform), <c>light</c> (flips, small rotation and crop, jitter), or <c>none</c>.</summary>
    public AugmentKind Augment { get; init; } = AugmentKind.Study;
    /// <summary>Mixup α (0 = off); applied after augmentation.</summary>
    public double Mixup { get; init; }
    /// <summary>The study's defects (see <see cref="StudyDefects"/>).</summary>
    public StudyDefects Defects { get; init; } = StudyDefects.Study;
    /// <summary>ReduceLROnPlateau patience on validation balanced accuracy.</summary>
    public int PlateauPatience { get; init; } = 3;
    /// <summary>ReduceLROnPlateau factor.</summary>
    public double PlateauFactor { get; init; } = 0.5;
    /// <summary>ReduceLROnPlateau minimum learning rate.</summary>
    public double MinLearningRate { get; init; } = 1e-7;
    /// <summary>Early-stopping patience on validation balanced accuracy (0 = off).</summary>
    public int EarlyStoppingPatience { get; init; } = 6;
    /// <summary>Global gradient-norm clip (0 = off).</summary>
    public double GradClipNorm { get; init; } = 1.0;
    /// <summary>Unfreeze the backbone's layer4 after this epoch (transfer models; null = never).</summary>
    public int? UnfreezeLayer4AfterEpoch { get; init; }
    /// <summary>Unfreeze layer3 after this epoch (null = never).</summary>
    public int? UnfreezeLayer3AfterEpoch { get; init; }
    /// <summary>With a frozen backbone, no augmentation and BatchNorm in eval, compute features once and train the head on them.</summary>
    public bool CacheFeatures { get; init; } = true;
    /// <summary>Fit per-class decision offsets on validation (<see cref="Evaluation.DecisionCalibration"/>) and apply them to test.</summary>
    public bool CalibrateOnValidation { get; init; }
    /// <summary>Cancer operating point: target specificity chosen on validation.</summary>
    public double TargetSpecificity { get; init; } = 0.90;
    /// <summary>Bootstrap resamples for test confidence intervals (0 = off).</summary>
    public int BootstrapResamples { get; init; } = 2000;
    /// <summary>Default device (<c>cpu</c>, <c>cuda</c>, <c>auto</c>); the command line can override it.</summary>
    public string Device { get; init; } = "cpu";
    /// <summary>
    /// Speed switches (channels-last, bf16, TF32, flat optimizer, loss reads); null = the reference path.
    /// Left out of the settings JSON when null, so presets without it keep their settings hash.
    /// </summary>
    public SpeedOptions? Speed { get; init; }

    /// <summary>
    /// Checks every field's range and the combinations a run cannot do (<see cref="PresetRules"/>), before anything is
    /// loaded: the command line calls it after <c>--set</c>, and every run (<c>Trainer.Run</c>) calls it first.
    /// </summary>
    /// <exception cref="PresetValidationException">Naming each setting at fault, as a user writes it.</exception>
    public void Validate()
    {
        var errors = PresetRules.Check(this);
        if (errors.Count > 0) throw new PresetValidationException(errors);
    }
}
