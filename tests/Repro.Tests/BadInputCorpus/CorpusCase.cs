namespace Repro.Tests.BadInputCorpus;

/// <summary>One row of the bad-input corpus: what <c>repro</c> must answer to an input (the exit code, and a piece
/// of text its message must hold). docs/BAD_INPUT.md lists the same rows (<see cref="BadInputTableTests"/>).</summary>
/// <param name="Id">The case's id, as in the table's first column.</param>
/// <param name="Exit">The exit code: 0 accepted (with a warning or note where said), 1 bad input, 2 usage.</param>
/// <param name="Says">Text the message (stderr, or stdout for warnings of a run that goes on) must contain.</param>
public sealed record CorpusCase(string Id, int Exit, string Says);

/// <summary>Marks the test that makes a corpus case; every case has exactly one (a theory may make several, one
/// attribute per case).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CorpusCaseAttribute(string id) : Attribute
{
    /// <summary>The case's id.</summary>
    public string Id { get; } = id;
}
