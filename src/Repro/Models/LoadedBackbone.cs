namespace Repro.Models;

/// <summary>A backbone module with its weights in place, and what the caller must tell the user about them.</summary>
/// <param name="Module">The backbone (torchvision state-dict names), on the CPU.</param>
/// <param name="Info">Its registry entry.</param>
/// <param name="WeightsSource">Where the weights came from, with no path of the machine: a file's name and content hash,
/// the ONNX package's, or <c>random init</c>.</param>
/// <param name="Warnings">Loud warnings for the console and the result file (e.g. random init).</param>
public sealed record LoadedBackbone(
    ResNetBackbone Module,
    BackboneInfo Info,
    string WeightsSource,
    IReadOnlyList<string> Warnings);
