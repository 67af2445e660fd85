namespace Repro.Data.Audit;

/// <summary>A patient/case id that occurs in more than one split or under more than one class.</summary>
/// <param name="Id">The id (e.g. P_00160).</param>
/// <param name="Places">Where it occurs, as "split/class" (e.g. val/cancer, test/benign).</param>
/// <param name="MultipleSplits">True when the id is in more than one split (leakage).</param>
/// <param name="MultipleClasses">True when the id carries more than one label.</param>
/// <param name="Files">Its files, relative to the dataset root.</param>
public sealed record IdConflict(string Id, IReadOnlyList<string> Places, bool MultipleSplits, bool MultipleClasses, IReadOnlyList<string> Files);
