using System.Globalization;
using Repro.Data.Augment;
using Repro.Data.Sampling;
using Repro.IO;
using Repro.Models;
using Repro.Training.Losses;
using Repro.Training.Speed;

namespace Repro.Training.Presets;

/// <summary>
/// Every field's range and every combination a run cannot do, checked on the preset alone (no file but a given
/// weights file is touched): what <see cref="Preset.Validate"/> enforces. Each rule names the setting by its
/// <c>--set</c> path and shows the value it has.
/// </summary>
public static class PresetRules
{
    /// <summary>The smallest input the models take: five 2× poolings (CustomCnn) or a ResNet's 32× reduction.</summary>
    public const int MinImageSize = 32;
    /// <summary>The largest input accepted (decode, memory): well beyond the study's 224 px.</summary>
    public const int MaxImageSize = 4096;

    /// <summary>What is wrong with <paramref name="p"/>, one line per setting; empty when nothing is.</summary>
    public static List<string> Check(Preset p)
    {
        var errors = new List<string>();
        void Need(bool ok, string path, object? value, string rule)
        {
            if (!ok) errors.Add($"{path} (--set {path}={Show(value)}) {rule}");
        }
        static bool Finite(double v) => double.IsFinite(v);

        Need(!string.IsNullOrWhiteSpace(p.Name), "name", p.Name, "must not be empty");
        Need(p.ImageSize is >= MinImageSize and <= MaxImageSize, "image_size", p.ImageSize,
            $"must be between {MinImageSize} and {MaxImageSize} (pixels)");
        Need(p.TrainFraction > 0 && p.TrainFraction <= 1, "train_fraction", p.TrainFraction, "must be > 0 and ≤ 1");
        Need(p.Epochs >= 1, "epochs", p.Epochs, "must be ≥ 1");
        Need(p.BatchSize >= 1, "batch_size", p.BatchSize, "must be ≥ 1");
        Need(p.EvalBatchSize >= 1, "eval_batch_size", p.EvalBatchSize, "must be ≥ 1");
        Need(Finite(p.LearningRate) && p.LearningRate > 0, "learning_rate", p.LearningRate, "must be a finite number > 0");
        Need(Finite(p.BackboneLearningRate) && p.BackboneLearningRate >= 0, "backbone_learning_rate", p.BackboneLearningRate, "must be a finite number ≥ 0");
        Need(Finite(p.WeightDecay) && p.WeightDecay >= 0, "weight_decay", p.WeightDecay, "must be a finite number ≥ 0");
        Need(Enum.IsDefined(p.Sampler), "sampler", p.Sampler, $"must be one of {ReproJson.Names<SamplerKind>()}");
        Need(Enum.IsDefined(p.Augment), "augment", p.Augment, $"must be one of {ReproJson.Names<AugmentKind>()}");
        Need(Finite(p.Mixup) && p.Mixup >= 0, "mixup", p.Mixup, "must be a finite number ≥ 0 (0 = off)");
        Need(p.PlateauPatience >= 0, "plateau_patience", p.PlateauPatience, "must be ≥ 0");
        Need(p.PlateauFactor > 0 && p.PlateauFactor < 1, "plateau_factor", p.PlateauFactor, "must be > 0 and < 1");
        Need(Finite(p.MinLearningRate) && p.MinLearningRate >= 0, "min_learning_rate", p.MinLearningRate, "must be a finite number ≥ 0");
        Need(p.EarlyStoppingPatience >= 0, "early_stopping_patience", p.EarlyStoppingPatience, "must be ≥ 0 (0 = off)");
        Need(Finite(p.GradClipNorm) && p.GradClipNorm >= 0, "grad_clip_norm", p.GradClipNorm, "must be a finite number ≥ 0 (0 = off)");
        Need(p.UnfreezeLayer4AfterEpoch is null or >= 0, "unfreeze_layer4_after_epoch", p.UnfreezeLayer4AfterEpoch, "must be ≥ 0 (or null: never)");
        Need(p.UnfreezeLayer3AfterEpoch is null or >= 0, "unfreeze_layer3_after_epoch", p.UnfreezeLayer3AfterEpoch, "must be ≥ 0 (or null: never)");
        Need(p.TargetSpecificity > 0 && p.TargetSpecificity < 1, "target_specificity", p.TargetSpecificity, "must be > 0 and < 1");
        Need(p.BootstrapResamples >= 0, "bootstrap_resamples", p.BootstrapResamples, "must be ≥ 0 (0 = off)");
        Need(IsDeviceName(p.Device), "device", p.Device, "must be cpu, cuda, cuda:N or auto");

        var m = p.Model;
        Need(m is not null, "model", null, "must be given");
        if (m is not null)
        {
            Need(Enum.IsDefined(m.Kind), "model.kind", m.Kind, $"must be one of {ReproJson.Names<ModelKind>()}");
            bool transfer = m.Kind == ModelKind.Transfer;
            if (transfer)
                Need(BackboneRegistry.All.Any(b => string.Equals(b.Name, m.Backbone, StringComparison.OrdinalIgnoreCase)), "model.backbone", m.Backbone,
                    $"must be one of {string.Join(", ", BackboneRegistry.All.Select(b => b.Name))}");
            Need(m.WeightsPath is null || transfer, "model.weights_path", m.WeightsPath, "applies to transfer models only");
            Need(m.WeightsPath is null || !transfer || File.Exists(m.WeightsPath), "model.weights_path", m.WeightsPath, "must be an existing weights file");
            Need(transfer || p.UnfreezeLayer4AfterEpoch is null, "unfreeze_layer4_after_epoch", p.UnfreezeLayer4AfterEpoch, "applies to transfer models only");
            Need(transfer || p.UnfreezeLayer3AfterEpoch is null, "unfreeze_layer3_after_epoch", p.UnfreezeLayer3AfterEpoch, "applies to transfer models only");
            if (m.Features is { } f)
            {
                Need(transfer, "model.features", f.Describe(), "applies to transfer models only");
                var stages = ResNetBackbone.StageNames;
                Need(f.Layers is { Count: > 0 }, "model.features.layers", f.Layers, $"must name at least one of {string.Join(", ", stages)}");
                if (f.Layers is { Count: > 0 })
                {
                    foreach (string? layer in f.Layers)
                        Need(layer is not null && stages.Contains(layer, StringComparer.Ordinal), "model.features.layers", f.Layers,
                            $"must name stages among {string.Join(", ", stages)} ('{layer}' is not one)");
                    Need(f.Layers.Distinct(StringComparer.Ordinal).Count() == f.Layers.Count, "model.features.layers", f.Layers, "must name each stage at most once");
                }
                Need(Enum.IsDefined(f.Pooling), "model.features.pooling", f.Pooling, $"must be one of {ReproJson.Names<FeaturePooling>()}");
                Need(f.HeadHidden is >= 0 and <= FeatureOptions.MaxHeadHidden, "model.features.head_hidden", f.HeadHidden,
                    $"must be between 0 (a linear head) and {FeatureOptions.MaxHeadHidden}");
                Need(!f.Standardize || (p.CacheFeatures && p.Augment == AugmentKind.None && !p.Defects.FrozenBatchNormTrains && p.Mixup == 0
                                        && p.UnfreezeLayer4AfterEpoch is null && p.UnfreezeLayer3AfterEpoch is null),
                    "model.features.standardize", f.Standardize,
                    "needs cached frozen-backbone features (cache_features=true, augment=none, mixup=0, no unfreezing, defects.frozen_batch_norm_trains=false): its statistics are the training split's features");
            }
        }

        var loss = p.Loss;
        Need(loss is not null, "loss", null, "must be given");
        if (loss is not null)
        {
            Need(Enum.IsDefined(loss.Kind), "loss.kind", loss.Kind, $"must be one of {ReproJson.Names<LossKind>()}");
            Need(Finite(loss.Gamma) && loss.Gamma >= 0, "loss.gamma", loss.Gamma, "must be a finite number ≥ 0");
            Need(Finite(loss.LabelSmoothing) && loss.LabelSmoothing >= 0 && loss.LabelSmoothing < 1, "loss.label_smoothing", loss.LabelSmoothing, "must be ≥ 0 and < 1");
            Need(loss.Weights is null || (loss.Weights.Count == Data.ClassLabels.Count && loss.Weights.All(w => Finite(w) && w >= 0) && loss.Weights.Sum() > 0),
                "loss.weights", loss.Weights, $"must be {Data.ClassLabels.Count} finite numbers ≥ 0, not all 0 (or null: the kind's default)");
        }

        if (p.Speed is { } s)
        {
            Need(Enum.IsDefined(s.Precision), "speed.precision", s.Precision, $"must be one of {ReproJson.Names<Precision>()}");
            Need(s.Precision != Precision.Bf16 || s.FlatOptimizer, "speed.flat_optimizer", s.FlatOptimizer,
                "must be true with speed.precision=bf16 (the float32 master weights live in the flat optimizer)");
            Need(s.LossReadInterval >= 0, "speed.loss_read_interval", s.LossReadInterval, "must be ≥ 0 (0 = once per epoch)");
        }
        return errors;
    }

    private static bool IsDeviceName(string? device)
    {
        string n = (device ?? "").Trim().ToLowerInvariant();
        return n is "cpu" or "cuda" or "auto" || (n.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(n[5..], NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    // A value as it would be written after --set: JSON names for enums, invariant numbers, lists in brackets.
    private static string Show(object? value) => value switch
    {
        null => "null",
        Enum e when Enum.IsDefined(e.GetType(), e) => ReproJson.Serialize(value).Trim('"'),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<double> list => "[" + string.Join(",", list.Select(v => Show(v))) + "]",
        IEnumerable<string?> names => "[" + string.Join(",", names.Select(n => n is null ? "null" : "\"" + n + "\"")) + "]",
        _ => value.ToString() ?? "",
    };
}
