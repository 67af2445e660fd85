namespace Repro.Models;

/// <summary>What model to build: a preset field, overridable from the CLI.</summary>
/// <param name="Kind">The network (<see cref="ModelKind"/>).</param>
/// <param name="Backbone">For <c>transfer</c>: a <see cref="BackboneRegistry"/> name.</param>
/// <param name="WeightsPath">
/// For <c>transfer</c>: a PyTorch state_dict (<c>.pth</c>/<c>.pt</c>, zip format) or <c>.safetensors</c>
/// file for the backbone; null uses the registry's default (ImageNet ONNX for <c>resnet18-imagenet</c>,
/// random init with a warning for <c>resnet18</c>).
/// </param>
/// <param name="Features">
/// For <c>transfer</c>: which stages are pooled into the features, flip averaging and the head
/// (<see cref="FeatureOptions"/>); null = the study's layer4 average pool and head (left out of the JSON).
/// </param>
public sealed record ModelSpec(ModelKind Kind, string Backbone = BackboneRegistry.DefaultName, string? WeightsPath = null, FeatureOptions? Features = null)
{
    /// <summary>The study's Q1 network (<see cref="Models.CustomCnn"/>).</summary>
    public const ModelKind CustomCnn = ModelKind.CustomCnn;

    /// <summary>The report prose's network (<see cref="Models.ProseCnn"/>).</summary>
    public const ModelKind ProseCnn = ModelKind.ProseCnn;

    /// <summary>A frozen backbone with a trained head (<see cref="TransferModel"/>).</summary>
    public const ModelKind Transfer = ModelKind.Transfer;
}
