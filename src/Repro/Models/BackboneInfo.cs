namespace Repro.Models;

/// <summary>A backbone the registry knows: its architecture, size, input and where weights come from.</summary>
/// <param name="Name">Registry name, e.g. <c>resnet18</c>, <c>resnet18-imagenet</c>.</param>
/// <param name="Stages">BasicBlocks per stage (<c>[2,2,2,2]</c> is torchvision's resnet18).</param>
/// <param name="FeatureDim">Width of the feature vector the head receives.</param>
/// <param name="Normalization">The input normalisation the weights expect (the data pipeline applies it).</param>
/// <param name="ParameterCount">Backbone parameters (without the head).</param>
/// <param name="Description">One line for tables: architecture and weights.</param>
public sealed record BackboneInfo(
    string Name,
    IReadOnlyList<int> Stages,
    int FeatureDim,
    InputNormalization Normalization,
    long ParameterCount,
    string Description);
