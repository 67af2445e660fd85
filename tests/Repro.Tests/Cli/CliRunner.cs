using Repro.Cli;

namespace Repro.Tests.Cli;

/// <summary>Runs a <c>repro</c> verb in-process and captures what it printed.</summary>
internal static class CliRunner
{
    /// <summary>Exit code, standard output and standard error of <c>repro ARGS</c>.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
