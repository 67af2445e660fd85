using System.Runtime.InteropServices;

namespace Repro.Cli;

/// <summary>
/// What a user sees when a verb throws: one line, never a stack trace (unless asked for with --debug or
/// REPRO_DEBUG=1). Bad input and failed runs name the input and exit 1; a wrong combination of options exits 2; an
/// unexpected error says it is one and where to report it, and exits 1.
/// </summary>
internal static class FailureReport
{
    public static int Write(Exception e, string verb, bool showTrace, TextWriter stderr)
    {
        var inner = Unwrap(e);
        int code;
        if (inner is UsageException)
        {
            stderr.WriteLine($"{verb}: {inner.Message}");
            stderr.WriteLine($"see `{verb} --help`");
            code = CommandLine.Usage;
        }
        else if (IsKnown(inner))
        {
            stderr.WriteLine($"{verb}: error: {inner.Message}");
            code = CommandLine.Failed;
        }
        else
        {
            stderr.WriteLine($"{verb}: unexpected error ({inner.GetType().Name}): {inner.Message}");
            stderr.WriteLine("this is a bug in repro: please report it (an issue in the Repro repository) with the command line, " +
                             "the output of `repro doctor`, and this message rerun with --debug (or REPRO_DEBUG=1) for the stack trace");
            code = CommandLine.Failed;
        }
        if (showTrace) stderr.WriteLine(e.ToString());
        return code;
    }

    /// <summary>The exception that says what went wrong: the single inner one of an aggregate (a parallel decode),
    /// or of a type initializer / reflection wrapper.</summary>
    internal static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException { InnerExceptions.Count: 1 } a: e = a.InnerExceptions[0]; continue;
                case System.Reflection.TargetInvocationException { InnerException: { } i }: e = i; continue;
                case TypeInitializationException { InnerException: { } t }: e = t; continue;
                default: return e;
            }
        }
    }

    /// <summary>Errors about the input or the environment, whose messages are written for the user (they name the
    /// file, folder, setting or device at fault).</summary>
    private static bool IsKnown(Exception e) => e is IOException or InvalidDataException or InvalidOperationException
        or ArgumentException or UnauthorizedAccessException or FormatException or NotSupportedException
        or ExternalException or OutOfMemoryException or OperationCanceledException;
}
