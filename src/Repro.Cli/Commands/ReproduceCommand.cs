using System.CommandLine;
using System.Globalization;
using Repro.Data;
using Repro.Experiments;
using Repro.Results;
using Repro.Training.Presets;

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
        string? vendored = null;
        if (study.Run.DataDirectory is null && !parse.GetValue(_synthetic))
        {
            var (data, line) = DefaultData(StudyData.Find());
            stderr.WriteLine(line);
            study = study with { Run = study.Run with { DataDirectory = data } };
            vendored = data;
        }
        var runs = study.Presets.SelectMany(p => study.RunSeeds(p, stderr).Select(r => (Preset: p, Result: r))).ToList();
        var results = runs.Select(r => r.Result).ToList();
        StudyTable.Write(stdout, results);
        if (vendored is not null) WriteCatalogue(stdout, runs, Path.Combine(vendored, "..", "..", "snapshots"));
        stdout.WriteLine($"results: {Path.GetFullPath(study.Run.OutputDirectory!)}");
        return 0;
    }

    /// <summary>
    /// Each run beside the catalogue entry that makes it and that entry's verified snapshot (what <c>dotnet test</c>
    /// re-derives): equal byte for byte, or where it differs.
    /// </summary>
    internal static void WriteCatalogue(TextWriter w, IReadOnlyList<(Preset Preset, RunResult Result)> runs, string snapshots)
    {
        if (!Directory.Exists(snapshots)) return;
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        foreach (var (preset, result) in runs)
        {
            if (CatalogueMatch.Check(result, preset, snapshots) is not { } m) continue;
            string what = !m.Verified ? "not yet verified"
                : m.Equal ? string.Create(inv, $"equal to its verified snapshot {m.SnapshotFile} (test BA {m.VerifiedTestBalancedAccuracy:F3})")
                : string.Create(inv, $"differs from its verified snapshot {m.SnapshotFile} (verified test BA {m.VerifiedTestBalancedAccuracy?.ToString("F3", inv) ?? "unreadable"}, " +
                                     $"this run {result.Test.BalancedAccuracy:F3}); the tests pin --threads 2 --cpu-isa avx2");
            lines.Add($"  {result.Preset} seed {result.Seed} = catalogue `{m.Entry.Name}` ({m.Entry.Tier.ToString().ToLowerInvariant()} tier): {what}");
        }
        if (lines.Count == 0) return;
        w.WriteLine($"catalogue (verified snapshots in {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(snapshots)))}/; the cpu tier is re-derived by `dotnet test`):");
        foreach (string line in lines) w.WriteLine(line);
    }

    /// <summary>The data of a run without --data or --synthetic: the vendored study images where this CLI finds them
    /// (<paramref name="vendored"/>), else the embedded synthetic set (null); and the line that says which.</summary>
    internal static (string? Data, string Line) DefaultData(string? vendored) => vendored is not null
        ? (vendored, $"repro reproduce: data: the study's images, {vendored}")
        : (null, $"repro reproduce: note: {VendoredData.RelativePath} is not here (a CLI without the repository's data): " +
                 "using the embedded synthetic MTH416-shaped set; pass --data DIR for the study's images");
}
