using Repro.Models;

namespace Repro.Results;

/// <summary>The model a run trained.</summary>
/// <param name="Architecture">Architecture name.</param>
/// <param name="Parameters">Total / trainable / frozen at the start of training.</param>
/// <param name="WeightsSource">Where the initial weights came from: <c>random init</c>, or a package's or file's name with its
/// content hash (never a path of the machine); null in result files written before it was recorded.</param>
public sealed record ModelSummary(string Architecture, ParameterCounts Parameters, string? WeightsSource = null);
