using Repro.Data.Audit;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Repro.Tests.Data.Audit;

public class AuditSmallTests
{
    private static void WriteImage(string path, int shade, int size = 32, bool png = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var img = new Image<L8>(size, size);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                img[x, y] = new L8((byte)Math.Clamp(shade + (x < size / 2 ? 0 : 60) + y, 0, 255));
        if (png) img.SaveAsPng(path); else img.SaveAsJpeg(path);
    }

    [Fact]
    public void Missing_folder_is_a_clear_error()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => AuditReport.Run(Path.Combine(Path.GetTempPath(), "no-such-dataset-" + Guid.NewGuid())));
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Finds_exact_duplicates_label_conflicts_unreadable_files_and_unknown_folders()
    {
        string root = RepoPaths.NewTempDir("audit-small");
        for (int i = 0; i < 4; i++)
        {
            WriteImage(Path.Combine(root, "train", "normal", $"A_000{i}_1.LEFT_CC.jpg"), 10 * i);
            WriteImage(Path.Combine(root, "train", "benign", $"P_0001{i}_LEFT_CC.png"), 100 + 10 * i, png: true);
        }
        File.Copy(Path.Combine(root, "train", "normal", "A_0000_1.LEFT_CC.jpg"), Path.Combine(root, "train", "normal", "A_0009_1.LEFT_CC.jpg"));
        WriteImage(Path.Combine(root, "val", "cancer", "P_00010_RIGHT_CC.png"), 30, png: true);
        File.WriteAllText(Path.Combine(root, "val", "cancer", "P_00099_LEFT_CC.jpg"), "not a jpeg");
        Directory.CreateDirectory(Path.Combine(root, "train", "other"));

        var r = AuditReport.Run(root);
        Assert.Equal(10, r.Images);
        var dup = Assert.Single(r.ExactDuplicates);
        Assert.Equal(2, dup.Files.Count);
        var conflict = Assert.Single(r.IdConflicts);
        Assert.Equal("P_00010", conflict.Id);
        Assert.Equal(["train/benign", "val/cancer"], conflict.Places);
        Assert.Single(r.Unreadable, u => u.Contains("P_00099_LEFT_CC.jpg"));
        Assert.Contains(r.Notes, n => n.Contains("train/other/"));
        Assert.Contains(r.Notes, n => n.Contains("'test/' is missing"));
        Assert.True(r.NearDuplicates.Pairs >= 1, "the byte-identical copy is also a near duplicate");
        var probe = r.ShortcutProbes[0];
        Assert.True(probe.TrainBalancedAccuracy > 0.9);
        Assert.Null(probe.TestBalancedAccuracy);
        Assert.Equal(["PNG"], r.Split("train")!.Classes.Single(c => c.Class == "benign").Formats.Keys);
    }

    [Fact]
    public void Perceptual_hashes_ignore_recompression_and_tell_different_pictures_apart()
    {
        static byte[] Blob(int cx, int cy, int radius)
        {
            var img = new byte[64 * 64];
            for (int y = 0; y < 64; y++)
                for (int x = 0; x < 64; x++)
                {
                    double d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
                    img[y * 64 + x] = (byte)(d < radius ? 120 + 100 * (1 - d / radius) + ((x * 7 + y * 13) % 11) : 5);
                }
            return img;
        }
        var a = Blob(20, 30, 18);
        var b = Blob(44, 24, 12);
        var noisy = a.Select((v, i) => (byte)Math.Clamp(v + (i % 3) - 1, 0, 255)).ToArray();
        Assert.True(PerceptualHash.Distance(PerceptualHash.PHash(a, 64, 64), PerceptualHash.PHash(noisy, 64, 64)) <= PerceptualHash.NearDuplicateThreshold);
        Assert.True(PerceptualHash.Distance(PerceptualHash.PHash(a, 64, 64), PerceptualHash.PHash(b, 64, 64)) > PerceptualHash.NearDuplicateThreshold);
        Assert.Equal(PerceptualHash.DHash(a, 64, 64), PerceptualHash.DHash(a.ToArray(), 64, 64));
        Assert.NotEqual(PerceptualHash.DHash(a, 64, 64), PerceptualHash.DHash(b, 64, 64));
        Assert.True(PerceptualHash.MeanAbsoluteDifference(PerceptualHash.Thumbnail(a, 64, 64, 16, 16), PerceptualHash.Thumbnail(noisy, 64, 64, 16, 16)) <= PerceptualHash.ThumbnailThreshold);
        Assert.Equal(64, PerceptualHash.Distance(0UL, ulong.MaxValue));
    }
}
