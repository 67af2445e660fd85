using Repro.Runtime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Repro.Data.Synthetic;

/// <summary>
/// The embedded default dataset: synthetic, mammogram-like grey images in MTH416's shape (the same
/// splits, classes and, at scale 1, counts), deterministic from a seed: the same
/// <see cref="SyntheticOptions"/> and size give byte-identical images on every run and machine (a
/// private PRNG, <see cref="Xoshiro256StarStar"/>, and exact arithmetic only). Each image depends only on the
/// seed, its split, its class and its index in the class, so a smaller scale gives a prefix of the
/// larger set's images. See <see cref="MammogramRenderer"/> for what the images look like.
/// <para>
/// <see cref="DatasetLoader.Load"/> with <c>Directory = null</c> builds the splits from here in memory;
/// <see cref="WriteTo"/> writes the same images as PNG files in the MTH416 folder layout, and loading
/// that folder gives the same pixels, labels, ids, paths and fingerprint.
/// </para>
/// </summary>
public static class SyntheticMammograms
{
    /// <summary>Version of the generator; part of the cache key. Bump it whenever an image changes.</summary>
    internal const int GeneratorVersion = 1;

    /// <summary>Split names, in order.</summary>
    public static IReadOnlyList<string> Splits { get; } = ["train", "val", "test"];

    private static readonly int[,] Mth416Counts =
    {
        { 2145, 186, 132 }, // train: normal, benign, cancer
        { 267, 20, 16 },    // val
        { 267, 20, 18 },    // test
    };

    /// <summary>
    /// Number of images of class <paramref name="label"/> in <paramref name="split"/> at
    /// <paramref name="scale"/>: MTH416's count times the scale, rounded (halves away from zero), at least 1.
    /// </summary>
    public static int Count(string split, int label, double scale)
    {
        int s = IndexOfSplit(split);
        if (label is < 0 or >= ClassLabels.Count) throw new ArgumentOutOfRangeException(nameof(label));
        new SyntheticOptions { Scale = scale }.Validate();
        return (int)Math.Max(1, Math.Round(Mth416Counts[s, label] * scale, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The folder name of a class in a split, as MTH416 names it: the test split calls its cancer
    /// folder <c>malignant</c>, train and val call it <c>cancer</c>.
    /// </summary>
    public static string ClassFolder(string split, int label) =>
        label == ClassLabels.Cancer && split == "test" ? "malignant" : ClassLabels.Names[label];

    /// <summary>Every image of the set, split by split, class by class, in path order.</summary>
    internal static IReadOnlyList<SyntheticSample> Plan(SyntheticOptions options)
    {
        options.Validate();
        var samples = new List<SyntheticSample>();
        int patient = 0;
        for (int s = 0; s < Splits.Count; s++)
        {
            string split = Splits[s];
            for (int label = 0; label < ClassLabels.Count; label++)
            {
                int n = Count(split, label, options.Scale);
                string folder = ClassFolder(split, label);
                for (int i = 0; i < n; i++)
                {
                    if (i % 2 == 0) patient++;
                    ulong sideBits = Xoshiro256StarStar.Mix(Xoshiro256StarStar.Mix(Xoshiro256StarStar.Mix((ulong)(uint)options.Seed, s), label), i / 2);
                    bool left = (sideBits & 1) == 0;
                    int view = i % 2;
                    string name = $"S_{patient:D5}_{(left ? "LEFT" : "RIGHT")}_{(view == 0 ? "CC" : "MLO")}.png";
                    samples.Add(new SyntheticSample(split, s, label, i, patient, view, left, $"{split}/{folder}/{name}"));
                }
            }
        }
        return samples;
    }

    /// <summary>The pixels (row-major, <paramref name="imageSize"/>²) of one planned sample.</summary>
    internal static byte[] Render(SyntheticSample sample, SyntheticOptions options, int imageSize) =>
        MammogramRenderer.Render(sample, options.Seed, imageSize);

    /// <summary>
    /// Writes the set as 8-bit grey PNG files under <paramref name="dir"/> in the MTH416 layout
    /// (<c>{train,val,test}/{normal,benign,cancer}/</c>, <c>test/malignant/</c>), plus a short
    /// <c>SYNTHETIC.md</c> naming the generator settings. Existing files of the same name are replaced.
    /// Returns the number of images written.
    /// </summary>
    public static int WriteTo(string dir, SyntheticOptions options, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(options);
        new DataOptions { ImageSize = imageSize, Synthetic = options }.Validate();
        var plan = Plan(options);
        string root = Path.GetFullPath(dir);
        foreach (var folder in plan.Select(p => Path.GetDirectoryName(p.RelativePath)!).Distinct())
            Directory.CreateDirectory(Path.Combine(root, folder));
        var encoder = new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 };
        Parallel.For(0, plan.Count, i =>
        {
            byte[] pixels = Render(plan[i], options, imageSize);
            using var image = Image.LoadPixelData<L8>(ImageDecoding.Configuration, pixels, imageSize, imageSize);
            image.Save(Path.Combine(root, plan[i].RelativePath), encoder);
        });
        File.WriteAllText(Path.Combine(root, "SYNTHETIC.md"),
            $"# Synthetic MTH416-shaped mammography set\n\nWritten by `repro synth`: {options.Describe()}, " +
            $"{imageSize}x{imageSize}, generator version {GeneratorVersion}, {plan.Count} images. " +
            "Not real patients: for tests and for trying the pipeline without data.\n");
        return plan.Count;
    }

    private static int IndexOfSplit(string split)
    {
        for (int i = 0; i < Splits.Count; i++)
            if (Splits[i] == split) return i;
        throw new ArgumentException($"unknown split '{split}' (expected train, val or test)", nameof(split));
    }
}
