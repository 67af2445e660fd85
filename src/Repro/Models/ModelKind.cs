using System.Text.Json.Serialization;

namespace Repro.Models;

/// <summary>Which network a run builds (a preset's <c>model.kind</c>).</summary>
public enum ModelKind
{
    /// <summary>The study's Q1 network (<see cref="Models.CustomCnn"/>).</summary>
    [JsonStringEnumMemberName("custom-cnn")] CustomCnn,
    /// <summary>The report prose's network (<see cref="Models.ProseCnn"/>).</summary>
    [JsonStringEnumMemberName("prose-cnn")] ProseCnn,
    /// <summary>A frozen backbone with a trained head (<see cref="TransferModel"/>).</summary>
    [JsonStringEnumMemberName("transfer")] Transfer,
}
