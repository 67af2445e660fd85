using System.Text.Json.Serialization;

namespace Repro.Data.Augment;

/// <summary>Which training augmentation a run applies (a preset's <c>augment</c>).</summary>
public enum AugmentKind
{
    /// <summary>The study's train transform (<see cref="StudyTransforms.Train"/>).</summary>
    [JsonStringEnumMemberName("study")] Study,
    /// <summary>Flips, a small rotation and crop, brightness and contrast jitter.</summary>
    [JsonStringEnumMemberName("light")] Light,
    /// <summary>None: training images go through the evaluation transform.</summary>
    [JsonStringEnumMemberName("none")] None,
}
