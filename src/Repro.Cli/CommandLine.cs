using System.Reflection;

namespace Repro.Cli;

/// <summary>Finds the verb, runs it, and turns errors into messages and exit codes.</summary>
internal static class CommandLine
{
    /// <summary>Every verb, discovered from the types in this assembly that implement <see cref="ICommand"/>.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } = typeof(CommandLine).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t))
        .Select(t => (ICommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintVerbs(stdout);
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] == "--version")
        {
            stdout.WriteLine(typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?");
            return 0;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"repro: unknown command '{args[0]}'");
            PrintVerbs(stderr);
            return 2;
        }
        var rest = new CommandArgs(args.Skip(1));
        if (rest.WantsHelp)
        {
            stdout.WriteLine(command.Usage);
            return 0;
        }
        try
        {
            return command.Run(rest, stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"repro {command.Name}: {e.Message}");
            stderr.WriteLine(command.Usage);
            return 2;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException
                                      or UnauthorizedAccessException or FormatException or NotSupportedException)
        {
            stderr.WriteLine($"repro {command.Name}: error: {e.Message}");
            return 1;
        }
    }

    private static void PrintVerbs(TextWriter w)
    {
        w.WriteLine("repro: reproduce the MTH416 mammography study (TorchSharp)");
        w.WriteLine();
        w.WriteLine("usage: repro <command> [options]     repro <command> --help");
        w.WriteLine();
        foreach (var c in Commands) w.WriteLine($"  {c.Name,-11} {c.Summary}");
    }
}
