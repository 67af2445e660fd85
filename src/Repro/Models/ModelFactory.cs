using Repro.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// Builds a <see cref="ReproModel"/> from a <see cref="ModelSpec"/>. Seeding is the caller's job:
/// <c>TorchRuntime.Seed(s)</c> right before <see cref="Create"/> gives an identical init.
/// </summary>
public static class ModelFactory
{
    /// <summary>
    /// Builds the model and moves it to <paramref name="device"/>. For <c>transfer</c>, the backbone's
    /// weights are loaded as <see cref="BackboneRegistry.Load"/> describes unless
    /// <paramref name="loadWeights"/> is false (architecture only, e.g. to count parameters).
    /// Warnings (e.g. a random-init backbone) are on <see cref="ReproModel.Warnings"/>.
    /// </summary>
    public static ReproModel Create(ModelSpec spec, Device device, bool loadWeights = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind != ModelSpec.Transfer && spec.Features is not null)
            throw new ArgumentException($"model.features applies to transfer models only, not to {ReproJson.Name(spec.Kind)}", nameof(spec));
        if (spec.Kind != ModelSpec.Transfer && spec.WeightsPath is not null)
            throw new ArgumentException($"--weights applies to transfer models only, not to {ReproJson.Name(spec.Kind)}", nameof(spec));
        ReproModel model = spec.Kind switch
        {
            ModelSpec.CustomCnn => new CustomCnn(),
            ModelSpec.ProseCnn => new ProseCnn(),
            ModelSpec.Transfer => new TransferModel(loadWeights
                ? BackboneRegistry.Load(spec.Backbone, spec.WeightsPath)
                : BackboneRegistry.CreateUntrained(spec.Backbone), features: spec.Features),
            _ => throw new ArgumentException(
                $"unknown model kind '{spec.Kind}'; known kinds: {ReproJson.Names<ModelKind>()}", nameof(spec)),
        };
        if (device.type != TorchSharp.DeviceType.CPU) model.to(device);
        return model;
    }
}
