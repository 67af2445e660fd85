namespace Repro.Data.Audit;

/// <summary>Patient/case ids found in both of two splits (patient-level leakage).</summary>
/// <param name="SplitA">First split.</param>
/// <param name="SplitB">Second split.</param>
/// <param name="Ids">The shared ids, sorted.</param>
public sealed record SplitOverlap(string SplitA, string SplitB, IReadOnlyList<string> Ids);
