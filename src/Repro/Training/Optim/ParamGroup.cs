using TorchSharp.Modules;

namespace Repro.Training.Optim;

/// <summary>Parameters that share a learning rate and weight decay (e.g. a transfer model's head and backbone).</summary>
/// <param name="Name">Group name (head, backbone, all).</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="LearningRate">Initial learning rate.</param>
/// <param name="WeightDecay">Decoupled weight decay (AdamW).</param>
public sealed record ParamGroup(string Name, IReadOnlyList<Parameter> Parameters, double LearningRate, double WeightDecay);
