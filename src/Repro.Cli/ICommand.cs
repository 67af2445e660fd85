namespace Repro.Cli;

/// <summary>One verb of the <c>repro</c> command line (one file per verb under Commands/).</summary>
internal interface ICommand
{
    /// <summary>The verb, e.g. <c>doctor</c>.</summary>
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>Usage text shown by <c>repro NAME --help</c> and on a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code.</summary>
    int Run(CommandArgs args, TextWriter stdout, TextWriter stderr);
}
