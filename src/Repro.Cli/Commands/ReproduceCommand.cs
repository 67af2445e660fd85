using System.CommandLine;
using Repro.Data;

namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro reproduce</c>: the study's Q1 (custom CNN) and Q2 (ResNet18 transfer) protocols, defects and all,
/// printed as the study's Q1-vs-Q2 table next to the report's published numbers. The main job of the README.
/// </summary>
internal sealed class ReproduceCommand : Verb
{
    private readonly Option<bool> _synthetic = new("--synthetic")
    {
        Description = "train on the embedded synthetic MTH416-shaped set (fast; for tests) instead of the study's images",
    };

    private readonly StudyRunArgs _study;

    public ReproduceCommand() : base("reproduce", "run the study's Q1 and Q2 protocols and print them beside the report's numbers")
    {
        Add(_synthetic);
        _study = new StudyRunArgs(this, $"the study's images, {VendoredData.RelativePath} of the repository; the synthetic set where they are absent");
        Validators.Add(r =>
        {
            if (r.GetValue(_synthetic) && r.GetValue(_study.Run.DataOption) is not null)
                r.AddError("--synthetic and --data exclude each other");
        });
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var study = _study.Read(parse, stderr, "reproduce");
        if (study.Run.DataDirectory is null && !parse.GetValue(_synthetic))
        {
            var (data, line) = DefaultData(StudyData.Find());
            stderr.WriteLine(line);
            study = study with { Run = study.Run with { DataDirectory = data } };
        }
        var results = study.Presets.SelectMany(p => study.RunSeeds(p, stderr)).ToList();
        StudyTable.Write(stdout, results);
        stdout.WriteLine($"results: {Path.GetFullPath(study.Run.OutputDirectory!)}");
        return 0;
    }

    /// <summary>The data of a run without --data or --synthetic: the vendored study images where this CLI finds them
    /// (<paramref name="vendored"/>), else the embedded synthetic set (null); and the line that says which.</summary>
    internal static (string? Data, string Line) DefaultData(string? vendored) => vendored is not null
        ? (vendored, $"repro reproduce: data: the study's images, {vendored}")
        : (null, $"repro reproduce: note: {VendoredData.RelativePath} is not here (a CLI without the repository's data): " +
                 "using the embedded synthetic MTH416-shaped set; pass --data DIR for the study's images");
}
