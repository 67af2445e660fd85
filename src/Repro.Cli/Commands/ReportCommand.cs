using System.CommandLine;
using Repro.Reporting;

namespace Repro.Cli.Commands;

/// <summary><c>repro report</c>: REPORT.md and figures from a folder of result files, the audit JSON and BenchmarkDotNet exports.</summary>
internal sealed class ReportCommand : Verb
{
    private readonly Option<string> _results = new("--results")
    {
        Description = "folder searched recursively for result files (*.json written by train/reproduce); other JSON there is ignored. " +
                      "A sweep folder (plan.json from repro sweep) is checked against its plan: missing or failed entries are listed by index, exit 1",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<string?> _audit = new("--audit")
    {
        Description = "dataset audit JSON (repro audit --json --out FILE): splits, patients, leakage, shortcut probe",
        HelpName = "FILE",
    };

    private readonly Option<string?> _benchmarks = new("--benchmarks")
    {
        Description = "BenchmarkDotNet results folder (*-report-full.json); a missing folder is fine",
        HelpName = "DIR",
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = "the report; figures go to figures/ beside it",
        HelpName = "FILE",
        DefaultValueFactory = _ => "REPORT.md",
    };

    public ReportCommand() : base("report", "write REPORT.md and figures/*.png from result files, the audit and benchmark exports")
    {
        AddOptions(_results, _audit, _benchmarks, _out);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string results = parse.GetValue(_results)!;
        string? audit = parse.GetValue(_audit);
        string? benchmarks = parse.GetValue(_benchmarks);
        string output = parse.GetValue(_out)!;
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
