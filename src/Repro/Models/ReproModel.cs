using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// What the trainer needs of a model: logits from normalised images, its input normalisation,
/// parameter counts, and — for transfer models — a frozen backbone whose features can be computed
/// once and cached, with a head trained on them.
/// </summary>
public abstract class ReproModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with TorchSharp name <paramref name="name"/>.</summary>
    protected ReproModel(string name) : base(name) { }

    /// <summary>Short architecture name, e.g. <c>custom-cnn</c>, <c>resnet18-imagenet+head</c>.</summary>
    public abstract string Architecture { get; }

    /// <summary>The input the model expects (channels, mean, std).</summary>
    public abstract InputNormalization Normalization { get; }

    /// <summary>True when a frozen backbone precedes a trainable head (features may be cached).</summary>
    public virtual bool HasFrozenBackbone => false;

    /// <summary>Backbone features for <paramref name="input"/> (only with a backbone).</summary>
    public virtual Tensor Features(Tensor input) =>
        throw new InvalidOperationException($"{Architecture} has no separate backbone");

    /// <summary>Logits from backbone features (only with a backbone).</summary>
    public virtual Tensor Head(Tensor features) =>
        throw new InvalidOperationException($"{Architecture} has no separate head");

    /// <summary>The frozen-feature options (<see cref="Models.FeatureOptions"/>) when the model has them; null = the plain
    /// <see cref="Features"/> of the backbone, cached as they are.</summary>
    public virtual FeatureOptions? FeatureOptions => null;

    /// <summary>Everything <see cref="FeaturesFromBank"/> may select from, for <paramref name="input"/>: what the feature
    /// cache stores when <see cref="FeatureOptions"/> is set (only with such options).</summary>
    public virtual Tensor FeatureBank(Tensor input) =>
        throw new InvalidOperationException($"{Architecture} has no feature bank");

    /// <summary>The features <see cref="Features"/> gives, selected and combined from a <see cref="FeatureBank"/>.</summary>
    public virtual Tensor FeaturesFromBank(Tensor bank) =>
        throw new InvalidOperationException($"{Architecture} has no feature bank");

    /// <summary>True when the head standardises its input with statistics of the training features, which
    /// <see cref="FitFeatureStandardization"/> sets before training.</summary>
    public virtual bool StandardizesFeatures => false;

    /// <summary>Sets the head's standardisation from the training split's features <c>[N, F]</c>.</summary>
    public virtual void FitFeatureStandardization(Tensor trainFeatures) =>
        throw new InvalidOperationException($"{Architecture} does not standardise its features");

    /// <summary>
    /// Switches train/eval mode. A frozen backbone's BatchNorm stays in eval mode unless
    /// <paramref name="frozenBatchNormTrains"/> (the study's defect 4: <c>model.train()</c> on the whole model).
    /// </summary>
    public virtual void SetMode(bool training, bool frozenBatchNormTrains = false)
    {
        if (training) train(); else eval();
    }

    /// <summary>
    /// Parameter groups for the optimizer: name → trainable parameters. A plain model has one group,
    /// <c>all</c>; a transfer model has <c>head</c> and, once unfrozen, <c>backbone</c>.
    /// </summary>
    public virtual IReadOnlyDictionary<string, IReadOnlyList<TorchSharp.Modules.Parameter>> ParameterGroups() =>
        new Dictionary<string, IReadOnlyList<TorchSharp.Modules.Parameter>> { ["all"] = parameters().Where(p => p.requires_grad).ToList() };

    /// <summary>Makes the named backbone stage trainable (e.g. <c>layer4</c>); false when there is none.</summary>
    public virtual bool Unfreeze(string stage) => false;

    /// <summary>
    /// Warnings about the model that belong in the result file and on the console (e.g. a backbone
    /// left at random init because no pretrained weights were given). Empty by default.
    /// </summary>
    public virtual IReadOnlyList<string> Warnings => Array.Empty<string>();

    /// <summary>Where the initial weights came from (e.g. <c>random init</c>, a file, the ONNX package).</summary>
    public virtual string WeightsSource => "random init";

    /// <summary>Total, trainable and frozen parameter counts.</summary>
    public ParameterCounts Counts()
    {
        long total = 0, trainable = 0;
        foreach (var p in parameters())
        {
            total += p.numel();
            if (p.requires_grad) trainable += p.numel();
        }
        return new ParameterCounts(total, trainable, total - trainable);
    }
}
