using System.CommandLine;
using System.CommandLine.Invocation;

namespace Repro.Cli;

/// <summary>
/// The <c>repro</c> command line on System.CommandLine: the verbs (every <see cref="Verb"/> in this assembly), help
/// per verb, suggestions for mistyped verbs and options, response files (<c>@file</c>), the <c>[suggest]</c>
/// directive behind shell completion, and the exit codes: 0 ok, 1 bad input or a failed run, 2 usage.
/// </summary>
internal static class CommandLine
{
    /// <summary>Exit code of bad input (a missing or unreadable file, a bad image, an unwritable folder) or a failed run.</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a wrong command line (unknown verb or option, a bad or missing value).</summary>
    public const int Usage = 2;

    /// <summary>The verbs: the non-abstract <see cref="Verb"/> types in this assembly.</summary>
    private static IReadOnlyList<Type> VerbTypes { get; } = typeof(CommandLine).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(Verb).IsAssignableFrom(t))
        .ToList();

    /// <summary>Shows the stack trace of an unexpected error (also: environment variable <c>REPRO_DEBUG=1</c>).</summary>
    private static Option<bool> NewDebugOption() => new("--debug")
    {
        Description = "show the stack trace of an unexpected error (or set REPRO_DEBUG=1)",
        Recursive = true,
    };

    /// <summary>A fresh command tree, verbs in alphabetical order (a tree per run keeps in-process runs independent).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("repro: reproduce the MTH416 mammography study (TorchSharp)");
        foreach (var verb in VerbTypes.Select(t => (Verb)Activator.CreateInstance(t)!).OrderBy(v => v.Name, StringComparer.Ordinal))
            root.Add(verb);
        root.Add(NewDebugOption());
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string verb = "repro";
        bool showTrace = args.Contains("--debug") || Environment.GetEnvironmentVariable("REPRO_DEBUG") is "1" or "true";
        try
        {
            var root = Build();
            // `repro` alone: the verb list, as a usage error; `repro help [VERB]`: that help.
            bool bare = args.Length == 0;
            if (bare) args = ["--help"];
            else if (args[0] == "help") args = [.. args.Skip(1), "--help"];
            var parse = root.Parse(args);
            if (parse.CommandResult.Command is Verb v) verb = $"repro {v.Name}";
            if (parse.Action is ParseErrorAction errors)
            {
                WriteUsageErrors(parse, errors, verb, stderr);
                return Usage;
            }
            int code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return bare ? Usage : code;
        }
        catch (Exception e)
        {
            return FailureReport.Write(e, verb, showTrace, stderr);
        }
    }

    /// <summary>One line per error, named by the verb; then "did you mean" for each unknown token; then where help is.</summary>
    private static void WriteUsageErrors(ParseResult parse, ParseErrorAction errors, string verb, TextWriter stderr)
    {
        const string noVerb = "Required command was not provided."; // noise beside an unknown verb
        foreach (var error in parse.Errors)
            if (!(parse.UnmatchedTokens.Count > 0 && error.Message == noVerb))
                stderr.WriteLine($"{verb}: {error.Message}");
        errors.ShowHelp = false;
        errors.ShowTypoCorrections = true;
        parse.Invoke(new InvocationConfiguration { Output = stderr, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        stderr.WriteLine($"see `{verb} --help`");
    }
}
