using Repro.IO;
using Repro.Data.Audit;
using Repro.Results;

namespace Repro.Cli.Commands;

/// <summary><c>repro audit</c>: counts, leakage, duplicates and the source-shortcut probe of a dataset folder.</summary>
internal sealed class AuditCommand : ICommand
{
    public string Name => "audit";
    public string Summary => "audit a dataset: counts, patients, leaks, duplicates, source-shortcut probe";
    public string Usage => "usage: repro audit [--data DIR] [--json] [--out FILE]\n" +
                           "  --data DIR   dataset folder with {train,val,test}/{class}/ (default: data/mth416)\n" +
                           "  --json       print the report as JSON instead of tables\n" +
                           "  --out FILE   also write the JSON report to FILE (atomically)";

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string data = args.String("--data") ?? Path.Combine("data", "mth416");
        bool json = args.Flag("--json");
        string? outFile = args.String("--out");
        args.EnsureAllUsed();
        if (!Directory.Exists(data))
            throw new UsageException($"data folder '{data}' not found ({Path.GetFullPath(data)}); run from the repository root or pass --data DIR");

        var report = AuditReport.Run(data);
        stdout.Write(json ? ReproJson.Serialize(report) + "\n" : AuditTable.Format(report));
        if (outFile is not null)
        {
            report.Write(outFile);
            stderr.WriteLine($"repro audit: wrote {Path.GetFullPath(outFile)}");
        }
        return 0;
    }
}
