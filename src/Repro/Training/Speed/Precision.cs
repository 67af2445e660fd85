using System.Text.Json.Serialization;

namespace Repro.Training.Speed;

/// <summary>The dtype of a model's weights and activations (a preset's <c>speed.precision</c>).</summary>
public enum Precision
{
    /// <summary>float32 throughout: the reference path.</summary>
    [JsonStringEnumMemberName("fp32")] Fp32,
    /// <summary>bfloat16 convolutions and linear layers, float32 master weights and loss (<see cref="Bf16"/>).</summary>
    [JsonStringEnumMemberName("bf16")] Bf16,
}
