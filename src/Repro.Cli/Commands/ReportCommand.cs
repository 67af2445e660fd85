using Repro.Reporting;

namespace Repro.Cli.Commands;

/// <summary><c>repro report</c>: REPORT.md and figures from a folder of result files, the audit JSON and BenchmarkDotNet exports.</summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";
    public string Summary => "write REPORT.md and figures/*.png from result files, the audit and benchmark exports";
    public string Usage =>
        "usage: repro report --results DIR [--audit FILE] [--benchmarks DIR] [--out REPORT.md]\n" +
        "  --results DIR        folder searched recursively for result files (*.json written by train/reproduce);\n" +
        "                       other JSON there is ignored. A sweep folder (with plan.json) is checked against its\n" +
        "                       plan: missing or failed entries are listed by index and the exit code is 1\n" +
        "  --audit FILE         dataset audit JSON (repro audit --json --out FILE): splits, patients, leakage, shortcut probe\n" +
        "  --benchmarks DIR     BenchmarkDotNet results folder (*-report-full.json); a missing folder is fine\n" +
        "  --out FILE           the report (default REPORT.md); figures go to figures/ beside it";

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string results = args.String("--results") ?? throw new UsageException("--results DIR is required");
        string? audit = args.String("--audit");
        string? benchmarks = args.String("--benchmarks");
        string output = args.String("--out") ?? "REPORT.md";
        args.EnsureAllUsed();
        if (!Directory.Exists(results))
            throw new NoResultsException(results);

        var outcome = ReportBuilder.Build(new ReportOptions(results, output, audit, benchmarks));
        foreach (string note in outcome.Notes) stderr.WriteLine($"repro report: note: {note}");
        stdout.WriteLine($"report: {outcome.ReportPath} ({outcome.Runs} run(s), {outcome.Figures.Count} figure(s), {outcome.Benchmarks} benchmark case(s))");
        if (outcome.Sweep is not { } sweep) return 0;
        stdout.WriteLine(sweep.Summary);
        foreach (string line in sweep.ProblemLines) stderr.WriteLine($"repro report: {line}");
        return sweep.Complete ? 0 : 1; // a partial sweep is reported, never passed off as finished
    }
}
