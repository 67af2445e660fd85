using System.CommandLine;
using Repro.Data;
using Repro.Data.Audit;
using Repro.IO;

namespace Repro.Cli.Commands;

/// <summary><c>repro audit</c>: counts, leakage, duplicates and the source-shortcut probe of a dataset folder.</summary>
internal sealed class AuditCommand : Verb
{
    private readonly Option<string?> _data = new("--data")
    {
        Description = "dataset folder with {train,val,test}/{class}/ (default: the repository's data/mth416)",
        HelpName = "DIR",
    };

    private readonly Option<bool> _json = new("--json") { Description = "print the report as JSON instead of tables" };

    private readonly Option<string?> _out = new("--out") { Description = "also write the JSON report to FILE (atomically)", HelpName = "FILE" };

    public AuditCommand() : base("audit", "audit a dataset: counts, patients, leaks, duplicates, source-shortcut probe")
    {
        AddOptions(_data, _json, _out);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string? data = parse.GetValue(_data) ?? StudyData.Find();
        if (data is null)
            throw new DirectoryNotFoundException($"no --data given and {VendoredData.RelativePath} is not found from {Directory.GetCurrentDirectory()}; pass --data DIR");
        if (!Directory.Exists(data))
            throw new DirectoryNotFoundException($"data folder '{data}' not found ({Path.GetFullPath(data)}); run from the repository root or pass --data DIR");

        var report = AuditReport.Run(data);
        stdout.Write(parse.GetValue(_json) ? ReproJson.Serialize(report) + "\n" : AuditTable.Format(report));
        if (parse.GetValue(_out) is { } outFile)
        {
            report.Write(outFile);
            stderr.WriteLine($"repro audit: wrote {Path.GetFullPath(outFile)}");
        }
        return 0;
    }
}
