namespace Repro.Sweeps;

/// <summary>A sweep entry cannot run without overwriting or contradicting what is there: the message says what and why.</summary>
public sealed class SweepConflictException : InvalidOperationException
{
    public SweepConflictException() { }
    public SweepConflictException(string message) : base(message) { }
    public SweepConflictException(string message, Exception inner) : base(message, inner) { }
}
