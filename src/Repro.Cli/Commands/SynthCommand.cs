using System.CommandLine;
using Repro.Data;
using Repro.Data.Synthetic;

namespace Repro.Cli.Commands;

/// <summary><c>repro synth</c>: writes the embedded synthetic dataset as PNG files in the MTH416 layout.</summary>
internal sealed class SynthCommand : Verb
{
    private readonly Option<string> _out = new("--out")
    {
        Description = "folder to write {train,val,test}/{normal,benign,cancer|malignant}/ into",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "generator seed (the same seed gives byte-identical images)",
        HelpName = "N",
        DefaultValueFactory = _ => new SyntheticOptions().Seed,
    };

    private readonly Option<double> _scale = new Option<double>("--scale")
    {
        Description = "multiply MTH416's per-split/class counts (0.05 = 5%, at least 1 per class)",
        HelpName = "F",
        DefaultValueFactory = _ => new SyntheticOptions().Scale,
    }.Positive();

    private readonly Option<int> _imageSize = new Option<int>("--image-size")
    {
        Description = "side of the square images",
        HelpName = "N",
        DefaultValueFactory = _ => new DataOptions().ImageSize,
    }.Within(8, 4096);

    private readonly Option<bool> _force = new("--force") { Description = "write into a non-empty DIR, replacing its train/, val/ and test/ folders" };

    public SynthCommand() : base("synth", "write the synthetic MTH416-shaped mammography set (PNG, MTH416 folder layout)")
    {
        AddOptions(_out, _seed, _scale, _imageSize, _force);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string outDir = parse.GetValue(_out)!;
        int seed = parse.GetValue(_seed);
        double scale = parse.GetValue(_scale);
        int imageSize = parse.GetValue(_imageSize);
        bool force = parse.GetValue(_force);

        if (File.Exists(outDir)) throw new UsageException($"--out {outDir} is a file, not a folder");
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
        {
            if (!force) throw new UsageException($"--out {outDir} is not empty (use --force to replace its train/, val/ and test/)");
            foreach (string split in SyntheticMammograms.Splits)
            {
                string path = Path.Combine(outDir, split);
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            }
        }

        var options = new SyntheticOptions { Seed = seed, Scale = scale };
        int written = SyntheticMammograms.WriteTo(outDir, options, imageSize);
        stdout.WriteLine($"wrote {written} synthetic images ({options.Describe()}, {imageSize}x{imageSize}) to {Path.GetFullPath(outDir)}");
        stdout.WriteLine($"{"split",-6} {"normal",7} {"benign",7} {"cancer",7} {"total",7}");
        foreach (string split in SyntheticMammograms.Splits)
        {
            var counts = Enumerable.Range(0, ClassLabels.Count).Select(l => SyntheticMammograms.Count(split, l, scale)).ToArray();
            stdout.WriteLine($"{split,-6} {counts[0],7} {counts[1],7} {counts[2],7} {counts.Sum(),7}");
        }
        return 0;
    }
}
