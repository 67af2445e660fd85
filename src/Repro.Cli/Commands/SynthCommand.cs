using System.Globalization;
using Repro.Data;
using Repro.Data.Synthetic;

namespace Repro.Cli.Commands;

/// <summary><c>repro synth</c>: writes the embedded synthetic dataset as PNG files in the MTH416 layout.</summary>
internal sealed class SynthCommand : ICommand
{
    public string Name => "synth";
    public string Summary => "write the synthetic MTH416-shaped mammography set (PNG, MTH416 folder layout)";
    public string Usage =>
        "usage: repro synth --out DIR [--seed N] [--scale F] [--image-size N] [--force]\n" +
        "  --out DIR            folder to write {train,val,test}/{normal,benign,cancer|malignant}/ into\n" +
        "  --seed N             generator seed (default 416; the same seed gives byte-identical images)\n" +
        "  --scale F            multiply MTH416's per-split/class counts (default 1; 0.05 = 5%, at least 1 per class)\n" +
        "  --image-size N       side of the square images (default 224)\n" +
        "  --force              write into a non-empty DIR, replacing its train/, val/ and test/ folders";

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string outDir = args.String("--out") ?? throw new UsageException("--out DIR is required");
        var defaults = new SyntheticOptions();
        int seed = args.Int("--seed") ?? defaults.Seed;
        double scale = args.Double("--scale") ?? defaults.Scale;
        int imageSize = args.Int("--image-size") ?? new DataOptions().ImageSize;
        bool force = args.Flag("--force");
        args.EnsureAllUsed();

        if (!double.IsFinite(scale) || scale <= 0) throw new UsageException($"--scale must be a positive number, got {scale.ToString(CultureInfo.InvariantCulture)}");
        if (imageSize is < 8 or > 4096) throw new UsageException($"--image-size must be between 8 and 4096, got {imageSize}");
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
