namespace Repro.Cli;

/// <summary>The command line was wrong in a way the parser cannot see (a combination of options): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
