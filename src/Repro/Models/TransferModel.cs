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

    /// <summary>Wraps a loaded backbone (see <see cref="BackboneRegistry.Load"/>) and freezes it.</summary>
    public TransferModel(LoadedBackbone loaded, int classes = 3) : base(nameof(TransferModel))
    {
        ArgumentNullException.ThrowIfNull(loaded);
        backbone = loaded.Module;
        info = loaded.Info;
        warnings = loaded.Warnings;
        weightsSource = loaded.WeightsSource;
        var hidden = nn.Linear(backbone.FeatureDim, 128);
        var output = nn.Linear(128, classes);
        using (torch.no_grad())
        {
            nn.init.xavier_uniform_(hidden.weight!);
            nn.init.zeros_(hidden.bias!);
            nn.init.xavier_uniform_(output.weight!);
            nn.init.zeros_(output.bias!);
        }
        head = nn.Sequential(
            ("0", nn.Dropout(0.3)),
            ("1", hidden),
            ("2", nn.ReLU()),
            ("3", nn.Dropout(0.2)),
            ("4", output));
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
        if (!HasFrozenBackbone) return backbone.call(input);
        using var noGrad = torch.no_grad();
        return backbone.call(input);
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
