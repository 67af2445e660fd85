using System.Text.Json.Serialization;

namespace Repro.Models;

/// <summary>How the pooled maps of the chosen stages are summarised (a preset's <c>model.features.pooling</c>).</summary>
public enum FeaturePooling
{
    /// <summary>Global average pooling (torchvision's <c>avgpool</c>).</summary>
    [JsonStringEnumMemberName("avg")] Avg,
    /// <summary>Global max pooling.</summary>
    [JsonStringEnumMemberName("max")] Max,
    /// <summary>Both, concatenated per stage: the average then the max.</summary>
    [JsonStringEnumMemberName("avg-max")] AvgMax,
}

/// <summary>
/// Frozen-backbone feature and head options of a transfer model (a preset's <c>model.features</c>; null = the study's
/// layer4 average pool and 512→128→3 head, left out of the settings JSON so that existing presets keep their hash).
/// The features of an image are the pooled maps of <see cref="Layers"/> concatenated in the backbone's order (each
/// pooled as <see cref="Pooling"/> says), averaged with those of its horizontal mirror image when
/// <see cref="FlipAverage"/>; the head optionally standardises them with the training features' mean and standard
/// deviation, then is an MLP with <see cref="HeadHidden"/> units (or a linear layer when 0).
/// </summary>
public sealed record FeatureOptions
{
    /// <summary>Backbone stages whose outputs are pooled and concatenated (<c>layer1</c>..<c>layer4</c>, each at most once).</summary>
    public IReadOnlyList<string> Layers { get; init; } = ["layer4"];
    /// <summary>Global pooling of each stage's map.</summary>
    public FeaturePooling Pooling { get; init; } = FeaturePooling.Avg;
    /// <summary>Average the features of the image and of its horizontal flip (train, validation, test and predict alike).</summary>
    public bool FlipAverage { get; init; }
    /// <summary>Standardise the head's input with the training split's feature mean and standard deviation (fixed buffers, saved with the head).</summary>
    public bool Standardize { get; init; }
    /// <summary>Hidden units of the head's MLP (Dropout 0.3 → Linear → ReLU → Dropout 0.2 → Linear); 0 = a linear head (Dropout 0.3 → Linear).</summary>
    public int HeadHidden { get; init; } = 128;

    /// <summary>The largest <see cref="HeadHidden"/> accepted.</summary>
    public const int MaxHeadHidden = 4096;

    /// <summary>One line for keys and messages, e.g. <c>layer3+layer4/avg-max/flip/std/h128</c>.</summary>
    public string Describe() =>
        $"{string.Join('+', Layers)}/{IO.ReproJson.Name(Pooling)}{(FlipAverage ? "/flip" : "")}{(Standardize ? "/std" : "")}/h{HeadHidden}";
}
