namespace Repro.Models;

/// <summary>Parameter counts of a model (what `repro models` prints and the tests pin).</summary>
/// <param name="Total">All parameters.</param>
/// <param name="Trainable">Parameters with requires_grad.</param>
/// <param name="Frozen">Total − Trainable.</param>
public sealed record ParameterCounts(long Total, long Trainable, long Frozen);
