using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// Transfer learning as in the study's Q2: a <see cref="ResNetBackbone"/> with every parameter frozen
/// (requires_grad false) and a trainable head Dropout 0.3 → Linear 512→128 → ReLU → Dropout 0.2 →
/// Linear 128→3 (xavier uniform weights, zero biases). Stages can be unfrozen later
/// (<see cref="Unfreeze"/>) for fine-tuning with their own learning rate.
/// </summary>
/// <remarks>
/// State-dict names: <c>backbone.*</c> (torchvision's names) and <c>head.1.*</c>, <c>head.4.*</c>.
/// While the whole backbone is frozen its BatchNorm layers stay in eval mode under
/// <see cref="SetMode"/> unless the study's defect 4 is asked for.
/// </remarks>
public sealed class TransferModel : ReproModel
{
    private readonly ResNetBackbone backbone;
    private readonly Sequential head;
    private readonly HashSet<string> unfrozen = new(StringComparer.Ordinal);
    private readonly BackboneInfo info;
    private readonly IReadOnlyList<string> warnings;
    private readonly string weightsSource;
    private readonly FeatureOptions? options;
    private readonly int[]? bankColumns;
    private readonly FeatureStandardizer? standardizer;

    /// <summary>Wraps a loaded backbone (see <see cref="BackboneRegistry.Load"/>) and freezes it; <paramref name="features"/>
    /// (null: the study's layer4 average pool and 512→128→3 head) chooses the pooled stages, flip averaging and the head.</summary>
    public TransferModel(LoadedBackbone loaded, int classes = 3, FeatureOptions? features = null) : base(nameof(TransferModel))
    {
        ArgumentNullException.ThrowIfNull(loaded);
        backbone = loaded.Module;
        info = loaded.Info;
        warnings = loaded.Warnings;
        weightsSource = loaded.WeightsSource;
        options = features;
        int inputDim = backbone.FeatureDim;
        if (features is not null)
        {
            bankColumns = BankColumns(features);
            inputDim = bankColumns.Length;
        }
        int hiddenUnits = features?.HeadHidden ?? 128;
        var layersOfHead = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (features is { Standardize: true })
        {
            standardizer = new FeatureStandardizer(inputDim);
            layersOfHead.Add(("norm", standardizer));
        }
        if (hiddenUnits > 0)
        {
            var hidden = nn.Linear(inputDim, hiddenUnits);
            var output = nn.Linear(hiddenUnits, classes);
            using (torch.no_grad())
            {
                nn.init.xavier_uniform_(hidden.weight!);
                nn.init.zeros_(hidden.bias!);
                nn.init.xavier_uniform_(output.weight!);
                nn.init.zeros_(output.bias!);
            }
            layersOfHead.Add(("0", nn.Dropout(0.3)));
            layersOfHead.Add(("1", hidden));
            layersOfHead.Add(("2", nn.ReLU()));
            layersOfHead.Add(("3", nn.Dropout(0.2)));
            layersOfHead.Add(("4", output));
        }
        else
        {
            var output = nn.Linear(inputDim, classes);
            using (torch.no_grad())
            {
                nn.init.xavier_uniform_(output.weight!);
                nn.init.zeros_(output.bias!);
            }
            layersOfHead.Add(("0", nn.Dropout(0.3)));
            layersOfHead.Add(("1", output));
        }
        head = nn.Sequential(layersOfHead);
        register_module("backbone", backbone);
        register_module("head", head);
        foreach (var p in backbone.parameters()) p.requires_grad = false;
    }

    /// <summary>Trainable parameters of the head (512→128→3).</summary>
    public const long HeadParameterCount = 66_051;

    /// <inheritdoc />
    public override string Architecture => $"{info.Name}+head";

    /// <summary>The backbone's registry entry.</summary>
    public BackboneInfo Backbone => info;

    /// <summary>The backbone module (torchvision names).</summary>
    public ResNetBackbone BackboneModule => backbone;

    /// <inheritdoc />
    public override InputNormalization Normalization => info.Normalization;

    /// <summary>True while no backbone stage has been unfrozen (its features may be cached).</summary>
    public override bool HasFrozenBackbone => unfrozen.Count == 0;

    /// <inheritdoc />
    public override IReadOnlyList<string> Warnings => warnings;

    /// <inheritdoc />
    public override string WeightsSource => weightsSource;

    /// <inheritdoc />
    public override Tensor Features(Tensor input)
    {
        if (options is not null)
        {
            using var bank = FeatureBank(input);
            return FeaturesFromBank(bank);
        }
        if (!HasFrozenBackbone) return backbone.call(input);
        using var noGrad = torch.no_grad();
        return backbone.call(input);
    }

    /// <inheritdoc />
    public override FeatureOptions? FeatureOptions => options;

    /// <summary>
    /// <see cref="ResNetBackbone.PooledStages"/> of <paramref name="input"/> <c>[N, 1920]</c>, followed — when the options ask
    /// for flip averaging — by those of its horizontal mirror image (<c>[N, 3840]</c>).
    /// </summary>
    public override Tensor FeatureBank(Tensor input)
    {
        if (options is null) throw new InvalidOperationException("a transfer model without feature options has no feature bank");
        using var noGrad = HasFrozenBackbone ? torch.no_grad() : null;
        if (!options.FlipAverage) return backbone.PooledStages(input);
        using var scope = torch.NewDisposeScope();
        var plain = backbone.PooledStages(input);
        var mirrored = backbone.PooledStages(input.flip(3));
        return torch.cat(new[] { plain, mirrored }, 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The options' columns of a <see cref="FeatureBank"/>: the chosen stages in backbone order, each pooled as asked;
    /// with flip averaging, the mean of the image's and the mirror image's columns. A bank with the mirror image's
    /// columns serves options without flip averaging too (its first half is the image's own bank).
    /// </summary>
    public override Tensor FeaturesFromBank(Tensor bank)
    {
        if (options is null || bankColumns is null)
            throw new InvalidOperationException("a transfer model without feature options has no feature bank");
        int width = ResNetBackbone.PooledStagesDim;
        if (bank.dim() != 2 || (bank.shape[1] != width && bank.shape[1] != 2 * width))
            throw new ArgumentException($"a feature bank is [N, {width}] or [N, {2 * width}], got [{string.Join(", ", bank.shape)}]", nameof(bank));
        if (options.FlipAverage && bank.shape[1] != 2 * width)
            throw new ArgumentException("flip averaging needs a feature bank with the mirror image's columns", nameof(bank));
        using var scope = torch.NewDisposeScope();
        var plain = bank.index_select(1, torch.tensor(bankColumns.Select(c => (long)c).ToArray(), device: bank.device));
        if (!options.FlipAverage) return plain.MoveToOuterDisposeScope();
        var mirrored = bank.index_select(1, torch.tensor(bankColumns.Select(c => (long)(c + width)).ToArray(), device: bank.device));
        return plain.add(mirrored).mul_(0.5).MoveToOuterDisposeScope();
    }

    /// <summary>The bank columns the options select, in order (see <see cref="ResNetBackbone.PooledStages"/> for the layout).</summary>
    public static int[] BankColumns(FeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var widths = ResNetBackbone.StageWidths;
        int half = widths.Sum();
        var columns = new List<int>();
        for (int s = 0; s < widths.Count; s++)
        {
            if (!options.Layers.Contains(ResNetBackbone.StageNames[s], StringComparer.Ordinal)) continue;
            int offset = widths.Take(s).Sum();
            if (options.Pooling is FeaturePooling.Avg or FeaturePooling.AvgMax) columns.AddRange(Enumerable.Range(offset, widths[s]));
            if (options.Pooling is FeaturePooling.Max or FeaturePooling.AvgMax) columns.AddRange(Enumerable.Range(half + offset, widths[s]));
        }
        if (columns.Count == 0)
            throw new ArgumentException($"model.features.layers must name at least one of {string.Join(", ", ResNetBackbone.StageNames)}", nameof(options));
        return columns.ToArray();
    }

    /// <summary>Width of the head's input: 512, or the options' selected bank columns.</summary>
    public int HeadInputDim => bankColumns?.Length ?? backbone.FeatureDim;

    /// <inheritdoc />
    public override bool StandardizesFeatures => standardizer is not null;

    /// <inheritdoc />
    public override void FitFeatureStandardization(Tensor trainFeatures)
    {
        if (standardizer is null) throw new InvalidOperationException("this head does not standardise its features (model.features.standardize is off)");
        standardizer.Fit(trainFeatures);
    }

    /// <inheritdoc />
    public override Tensor Head(Tensor features) => head.call(features);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var features = Features(input);
        return Head(features);
    }

    /// <summary>
    /// The head follows <paramref name="training"/>. In training, a frozen stage (and the stem) stays
    /// in eval mode — BatchNorm uses and keeps its running statistics — unless
    /// <paramref name="frozenBatchNormTrains"/> (defect 4: batch statistics are used and the running
    /// statistics drift although the weights are frozen); an unfrozen stage trains normally.
    /// </summary>
    public override void SetMode(bool training, bool frozenBatchNormTrains = false)
    {
        train(training);
        if (!training) return;
        foreach (var (name, child) in backbone.named_children())
            child.train(unfrozen.Contains(name) || frozenBatchNormTrains);
    }

    /// <summary>
    /// <c>head</c>: the head's trainable parameters; <c>backbone</c> (only once a stage is unfrozen):
    /// the backbone's trainable parameters.
    /// </summary>
    public override IReadOnlyDictionary<string, IReadOnlyList<Parameter>> ParameterGroups()
    {
        var groups = new Dictionary<string, IReadOnlyList<Parameter>>
        {
            ["head"] = head.parameters().Where(p => p.requires_grad).ToList(),
        };
        var trainableBackbone = backbone.parameters().Where(p => p.requires_grad).ToList();
        if (trainableBackbone.Count > 0) groups["backbone"] = trainableBackbone;
        return groups;
    }

    /// <summary>
    /// Makes backbone stage <paramref name="stage"/> (<c>layer1</c>..<c>layer4</c>) trainable; true
    /// when it was frozen until now. An unknown name is an <see cref="ArgumentException"/>.
    /// </summary>
    public override bool Unfreeze(string stage)
    {
        var module = backbone.Stage(stage);
        if (!unfrozen.Add(stage)) return false;
        foreach (var p in module.parameters()) p.requires_grad = true;
        if (training) module.train(true);
        return true;
    }
}
