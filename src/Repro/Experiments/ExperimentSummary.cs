namespace Repro.Experiments;

/// <summary>The snapshot an experiment adds over its runs' own.</summary>
public enum ExperimentSummary
{
    /// <summary>None: the runs' snapshots are all.</summary>
    None,
    /// <summary>Mean ± sd, min, max over the seeds (<c>{name}.summary</c>).</summary>
    Seeds,
    /// <summary>The ablation table: each variant's validation and test balanced accuracy and its change against the first (<c>{name}.table</c>).</summary>
    Ablation,
}
