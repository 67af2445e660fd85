using Repro.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Repro.Tests.Data;

/// <summary>A header's declared size held against the data: lies are refused, every real file passes.</summary>
public class ImageDataCheckTests
{
    private static void Check(byte[] bytes)
    {
        var header = ImageHeaderReader.Read(bytes, out var facts);
        ImageDataCheck.Verify(bytes, header, facts);
    }

    [Fact]
    public void Every_MTH416_file_holds_the_data_its_header_declares()
    {
        var files = Directory.GetFiles(RepoPaths.Mth416, "*.jpg", SearchOption.AllDirectories);
        Assert.True(files.Length > 3000);
        foreach (string f in files) Check(File.ReadAllBytes(f));
    }

    [Theory]
    [InlineData(224, 300, false)]  // 300x300 needs 2,813 bytes at 2 bits per block: the file has more
    [InlineData(224, 1000, true)]
    [InlineData(224, 6000, true)]
    public void Jpeg_frame_patched_to_a_larger_size(int real, int claimed, bool refused)
    {
        byte[] jpeg = File.ReadAllBytes(Path.Combine(RepoPaths.Mth416, "train", "benign", "P_00027_RIGHT_CC.jpg"));
        int sof = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
        Assert.Equal(real, (jpeg[sof + 7] << 8) | jpeg[sof + 8]);
        jpeg[sof + 5] = (byte)(claimed >> 8); jpeg[sof + 6] = (byte)claimed;
        jpeg[sof + 7] = (byte)(claimed >> 8); jpeg[sof + 8] = (byte)claimed;
        if (!refused)
        {
            Check(jpeg);
            return;
        }
        var e = Assert.Throws<BadImageException>(() => Check(jpeg));
        Assert.Contains($"the header declares {claimed}x{claimed}", e.Reason);
    }

    [Theory]
    [InlineData(false, "the header declares 21x12 (264 bytes of filtered rows), the image data holds 252")] // 12 rows of 1 + 20 bytes, then of 1 + 21
    [InlineData(true, "the header declares 21x12 (275 bytes of filtered rows), the image data holds 263")]  // Adam7's seven passes, worked by hand
    public void Png_needs_every_declared_row(bool interlaced, string reason)
    {
        using var image = Image.LoadPixelData<L8>(TestImages.Pattern(20, 12, 1), 20, 12);
        using var ms = new MemoryStream();
        image.Save(ms, new PngEncoder
        {
            ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8,
            InterlaceMethod = interlaced ? PngInterlaceMode.Adam7 : PngInterlaceMode.None,
        });
        byte[] png = ms.ToArray();
        Assert.Equal(interlaced ? 1 : 0, png[16 + 12]);
        Check(png);
        png[16 + 3] = 21; // width 21: one more sample per row than the data holds
        var e = Assert.Throws<BadImageException>(() => Check(png));
        Assert.Equal("corrupt PNG: " + reason, e.Reason);
    }
}
