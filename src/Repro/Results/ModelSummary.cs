using Repro.Models;

namespace Repro.Results;

/// <summary>The model a run trained.</summary>
/// <param name="Architecture">Architecture name.</param>
/// <param name="Parameters">Total / trainable / frozen at the start of training.</param>
public sealed record ModelSummary(string Architecture, ParameterCounts Parameters);
