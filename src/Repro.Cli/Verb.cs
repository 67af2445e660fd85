using System.CommandLine;

namespace Repro.Cli;

/// <summary>
/// One verb of the <c>repro</c> command line: a System.CommandLine <see cref="Command"/> whose options are fields
/// of the subclass and whose work is <see cref="Run"/>. Every non-abstract subclass in this assembly is a verb
/// (<see cref="CommandLine"/> finds them by reflection), so adding a verb is adding one file under Commands/.
/// </summary>
internal abstract class Verb : Command
{
    protected Verb(string name, string description) : base(name, description)
    {
        SetAction(parse => Run(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    /// <summary>Adds the verb's options, in the order help lists them.</summary>
    protected void AddOptions(params Option[] options)
    {
        foreach (var option in options) Add(option);
    }

    /// <summary>Runs the verb on a parse without errors; returns the process exit code (0 ok, 1 failed).
    /// Throw <see cref="UsageException"/> for a wrong combination of options (exit 2).</summary>
    protected abstract int Run(ParseResult parse, TextWriter stdout, TextWriter stderr);
}
