namespace Repro.Data.Audit;

/// <summary>One split: its size, its patients and its classes (in label order).</summary>
/// <param name="Split">train, val or test.</param>
/// <param name="Total">Readable images.</param>
/// <param name="Patients">Distinct patient/case ids.</param>
/// <param name="Classes">Per class, in label order.</param>
public sealed record SplitAudit(string Split, int Total, int Patients, IReadOnlyList<ClassAudit> Classes);
