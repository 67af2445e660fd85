using Repro.Cli;

namespace Repro.Tests.Reporting;

[Collection("report")]
public class ReportCommandTests
{
    private readonly ReportFixture _f;

    public ReportCommandTests(ReportFixture fixture) => _f = fixture;

    private static (int Code, string Out, string Err) Run(params string[] args) => Repro.Tests.Cli.CliRunner.Run(args);

    [Fact]
    public void Writes_the_report_and_says_where()
    {
        string out_ = Path.Combine(RepoPaths.NewTempDir("report-cli"), "REPORT.md");
        var (code, stdout, stderr) = Run("report", "--results", _f.ResultsDir, "--audit", _f.AuditPath, "--benchmarks", _f.BenchmarksDir, "--out", out_);
        Assert.True(code == 0, stderr);
        Assert.Contains($"report: {out_} (2 run(s), 8 figure(s), 4 benchmark case(s))", stdout);
        Assert.StartsWith("# Repro report", File.ReadAllText(out_));
    }

    [Fact]
    public void No_results_is_exit_code_1_with_the_hint()
    {
        string dir = RepoPaths.NewTempDir("report-cli-empty");
        var (code, _, stderr) = Run("report", "--results", dir, "--out", Path.Combine(dir, "REPORT.md"));
        Assert.Equal(1, code);
        Assert.Contains($"no result files under {dir}; run `repro reproduce` or `repro train` first", stderr);
    }

    [Fact]
    public void Results_option_is_required()
    {
        var (code, _, stderr) = Run("report");
        Assert.Equal(2, code);
        Assert.Contains("--results", stderr);
        Assert.Contains("is required", stderr);
    }
}
