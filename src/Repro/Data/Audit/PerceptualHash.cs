using System.Numerics;

namespace Repro.Data.Audit;

/// <summary>
/// A 64-bit difference hash (dHash): the grey image is box-averaged down to 9×8 cells, and bit
/// 8·row + col is set when cell (row, col) is darker than its right neighbour. Robust to resampling,
/// recompression and global brightness changes; two hashes within a few bits (Hamming distance) mean
/// near-identical pictures.
/// </summary>
public static class PerceptualHash
{
    /// <summary>
    /// The Hamming distance at or below which the audit calls two images near-identical: 4 of 64 bits
    /// (≈ 6 %), the usual dHash tolerance for re-encoded copies of one picture.
    /// </summary>
    public const int NearDuplicateThreshold = 4;

    /// <summary>dHash of a <paramref name="width"/>×<paramref name="height"/> 8-bit grey image (row-major).</summary>
    public static ulong DHash(ReadOnlySpan<byte> pixels, int width, int height)
    {
        if (pixels.Length < (long)width * height || width <= 0 || height <= 0)
            throw new ArgumentException($"dHash: {pixels.Length} pixels for {width}×{height}");
        const int cols = 9, rows = 8;
        var sum = new double[rows, cols];
        var count = new int[rows, cols];
        for (int y = 0; y < height; y++)
        {
            int r = (int)((long)y * rows / height);
            for (int x = 0; x < width; x++)
            {
                int c = (int)((long)x * cols / width);
                sum[r, c] += pixels[y * width + x];
                count[r, c]++;
            }
        }
        ulong hash = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols - 1; c++)
            {
                double left = count[r, c] == 0 ? 0 : sum[r, c] / count[r, c];
                double right = count[r, c + 1] == 0 ? 0 : sum[r, c + 1] / count[r, c + 1];
                if (left < right) hash |= 1UL << (r * 8 + c);
            }
        return hash;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
