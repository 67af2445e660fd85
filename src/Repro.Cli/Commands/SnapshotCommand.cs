using Repro.Results;

namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro snapshot RESULT.json [--verify FILE]</c>: the snapshot text of a result file (what the reproduction
/// tests compare), optionally checked against a verified snapshot — how a host without the .NET SDK (a GPU host
/// running the self-contained publish) checks its runs against <c>snapshots/</c>.
/// </summary>
internal sealed class SnapshotCommand : ICommand
{
    public string Name => "snapshot";
    public string Summary => "print a result file's snapshot text, or check it against a verified snapshot";
    public string Usage => "usage: repro snapshot --result RESULT.json [--verify SNAPSHOT.verified.txt]";

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string path = args.String("--result") ?? throw new UsageException("--result is required");
        string? verify = args.String("--verify");
        args.EnsureAllUsed();
        string text = RunSnapshot.Text(ResultFile.Read(path));
        if (verify is null)
        {
            stdout.Write(text);
            return 0;
        }
        if (!File.Exists(verify)) throw new FileNotFoundException($"verified snapshot {verify} does not exist", verify);
        string expected = File.ReadAllText(verify).Replace("\r\n", "\n").TrimEnd('\n') + "\n";
        if (expected == text)
        {
            stdout.WriteLine($"snapshot matches {verify}");
            return 0;
        }
        stdout.Write(text);
        stderr.WriteLine($"snapshot of {path} differs from {verify}");
        return 1;
    }
}
