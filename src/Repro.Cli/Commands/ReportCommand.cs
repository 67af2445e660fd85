using System.CommandLine;
using Repro.Reporting;

namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro report</c>: the report and figures from the experiment catalogue's verified snapshots (<c>--snapshots</c>: the
/// committed docs/REPORT.md and README's results table and lesion headline) or from a folder of result files, the audit JSON and
/// BenchmarkDotNet exports (<c>--results</c>).
/// </summary>
internal sealed class ReportCommand : Verb
{
    private readonly Option<string> _results = new("--results")
    {
        Description = "folder searched recursively for result files (*.json written by train/reproduce); other JSON there is ignored. " +
                      "A sweep folder (plan.json from repro sweep) is checked against its plan: missing or failed entries are listed by index, exit 1",
        HelpName = "DIR",
    };

    private readonly Option<string?> _snapshots = new("--snapshots")
    {
        Description = "the repository's snapshots/: render the experiment catalogue's verified snapshots (the committed report; the audit is the catalogue's audit entry)",
        HelpName = "DIR",
    };

    private readonly Option<string?> _readme = new("--readme")
    {
        Description = "with --snapshots: rewrite this README's results table and lesion headline between their markers",
        HelpName = "FILE",
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
        AddOptions(_results, _snapshots, _audit, _benchmarks, _out, _readme);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string? results = parse.GetValue(_results), snapshots = parse.GetValue(_snapshots);
        string? audit = parse.GetValue(_audit);
        string? benchmarks = parse.GetValue(_benchmarks);
        string output = parse.GetValue(_out)!;
        string? readme = parse.GetValue(_readme);
        if ((snapshots is null) == (results is null)) throw new UsageException("give one of --results DIR and --snapshots DIR");
        if (snapshots is not null && audit is not null) throw new UsageException("--audit goes with --results; with --snapshots the audit is the catalogue's audit entry");
        if (results is not null && readme is not null) throw new UsageException("--readme goes with --snapshots");
        string input = snapshots ?? results!;
        if (!Directory.Exists(input))
            throw new NoResultsException(input);

        var outcome = ReportBuilder.Build(new ReportOptions(input, output, audit, benchmarks, FromSnapshots: snapshots is not null, ReadmePath: readme));
        foreach (string note in outcome.Notes) stderr.WriteLine($"repro report: note: {note}");
        stdout.WriteLine($"report: {outcome.ReportPath} ({outcome.Runs} run(s), {outcome.Figures.Count} figure(s), {outcome.Benchmarks} benchmark case(s))");
        if (outcome.Sweep is not { } sweep) return 0;
        stdout.WriteLine(sweep.Summary);
        foreach (string line in sweep.ProblemLines) stderr.WriteLine($"repro report: {line}");
        return sweep.Complete ? 0 : 1; // a partial sweep is reported, never passed off as finished
    }
}
