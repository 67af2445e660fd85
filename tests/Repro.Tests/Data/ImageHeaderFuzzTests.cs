using Repro.Data;
using Xunit.Abstractions;

namespace Repro.Tests.Data;

/// <summary>
/// A small seeded fuzzer over the JPEG/PNG header reader and the decode path behind it: mutations of real MTH416
/// files (and of PNGs made from their pixels) must each end in a clean decode or a <see cref="BadImageException"/>
/// with a reason — never another exception (an index out of range in the marker walk, an overflow, a hang).
/// </summary>
public class ImageHeaderFuzzTests(ITestOutputHelper output)
{
    private const int MutantsPerFile = 150;

    private static IEnumerable<byte[]> Originals()
    {
        var jpegs = Directory.GetFiles(Path.Combine(RepoPaths.Mth416, "train"), "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Where((_, i) => i % 400 == 0).Take(5).Select(File.ReadAllBytes).ToList();
        foreach (var j in jpegs) yield return j;
        // PNGs of the same pixels (MTH416 holds only JPEGs).
        foreach (var j in jpegs.Take(2))
            yield return TestImages.GreyPng(ImageDecoding.Decode(j, 64, 40_000_000), 64, 64);
    }

    [Fact]
    public void Every_mutant_decodes_cleanly_or_is_a_bad_file()
    {
        var rng = new Random(416);
        int clean = 0, refused = 0, n = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (byte[] original in Originals())
        {
            for (int m = 0; m < MutantsPerFile; m++, n++)
            {
                var (mutant, how) = Mutate(original, rng);
                try
                {
                    byte[] pixels = ImageDecoding.Decode(mutant, 32, 40_000_000);
                    Assert.Equal(32 * 32, pixels.Length);
                    clean++;
                }
                catch (BadImageException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                    string kind = string.Join(" ", e.Reason.Split(' ').Take(3));
                    reasons[kind] = reasons.GetValueOrDefault(kind) + 1;
                    refused++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"mutant {n} ({how}) threw {e.GetType().Name}: {e.Message}");
                }
            }
        }
        output.WriteLine($"{n} mutants: {clean} decoded, {refused} refused");
        foreach (var (kind, count) in reasons.OrderByDescending(kv => kv.Value)) output.WriteLine($"  {count,4}  {kind}");
        Assert.True(clean > 0 && refused > 0, $"{clean} decoded, {refused} refused: the mutations should give both outcomes");
    }

    private static (byte[] Bytes, string How) Mutate(byte[] original, Random rng)
    {
        byte[] b = (byte[])original.Clone();
        int head = Math.Min(b.Length, 700); // the markers and tables live at the front
        switch (rng.Next(7))
        {
            case 0:
            {
                int at = rng.Next(head);
                b[at] ^= (byte)(1 << rng.Next(8));
                return (b, $"bit flip at {at}");
            }
            case 1:
            {
                int at = rng.Next(head);
                byte v = (byte)(rng.Next(3) switch { 0 => 0x00, 1 => 0xFF, _ => rng.Next(256) });
                b[at] = v;
                return (b, $"byte {at} = {v:X2}");
            }
            case 2:
            {
                int len = rng.Next(1, b.Length);
                return (b[..len], $"truncated to {len}");
            }
            case 3:
            {
                int at = rng.Next(head), count = rng.Next(1, 16);
                return ([.. b[..at], .. b[Math.Min(b.Length, at + count)..]], $"{count} bytes deleted at {at}");
            }
            case 4:
            {
                int at = rng.Next(head);
                var junk = new byte[rng.Next(1, 16)];
                rng.NextBytes(junk);
                return ([.. b[..at], .. junk, .. b[at..]], $"{junk.Length} bytes inserted at {at}");
            }
            case 5:
            {
                // the declared size: JPEG frame header or PNG IHDR
                int w = rng.Next(0, 65536), h = rng.Next(0, 65536);
                int sof = b.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
                if (b[0] == 0x89) { b[18] = (byte)(w >> 8); b[19] = (byte)w; b[22] = (byte)(h >> 8); b[23] = (byte)h; }
                else if (sof > 0) { b[sof + 5] = (byte)(h >> 8); b[sof + 6] = (byte)h; b[sof + 7] = (byte)(w >> 8); b[sof + 8] = (byte)w; }
                return (b, $"declared size {w}x{h}");
            }
            default:
            {
                int at = rng.Next(2, head - 1);
                b[at] = 0xFF;
                b[at + 1] = (byte)rng.Next(0xC0, 0x100); // a marker where none was
                return (b, $"marker FF{b[at + 1]:X2} at {at}");
            }
        }
    }
}
