using System.CommandLine;
using Repro.Results;

namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro snapshot RESULT.json [--verify FILE]</c>: the snapshot text of a result file (what the reproduction
/// tests compare), optionally checked against a verified snapshot — how a host without the .NET SDK (a GPU host
/// running the self-contained publish) checks its runs against <c>snapshots/</c>.
/// </summary>
internal sealed class SnapshotCommand : Verb
{
    private readonly Option<string> _result = new("--result") { Description = "a result file written by train/reproduce", HelpName = "RESULT.json", Required = true };
    private readonly Option<string?> _verify = new("--verify") { Description = "compare with this verified snapshot; exit 1 when it differs", HelpName = "SNAPSHOT.verified.txt" };

    public SnapshotCommand() : base("snapshot", "print a result file's snapshot text, or check it against a verified snapshot")
    {
        AddOptions(_result, _verify);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string path = parse.GetValue(_result)!;
        string? verify = parse.GetValue(_verify);
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
