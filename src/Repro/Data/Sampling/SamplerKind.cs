using System.Text.Json.Serialization;

namespace Repro.Data.Sampling;

/// <summary>How a run orders its training images, epoch by epoch (a preset's <c>sampler</c>).</summary>
public enum SamplerKind
{
    /// <summary>The study's <c>WeightedRandomSampler</c> (<see cref="ClassWeightedSampler"/>): with replacement, classes balanced.</summary>
    [JsonStringEnumMemberName("class-weighted")] ClassWeighted,
    /// <summary>Every image once per epoch in a fresh random order (<see cref="ShuffledSampler"/>).</summary>
    [JsonStringEnumMemberName("shuffled")] Shuffled,
    /// <summary>Every image once per epoch in file order (<see cref="SequentialSampler"/>).</summary>
    [JsonStringEnumMemberName("sequential")] Sequential,
}
