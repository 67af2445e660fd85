namespace Repro.Cli;

/// <summary>The command line was wrong (unknown option, missing value, bad number): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
