using System.Numerics;

namespace Repro.Data.Audit;

/// <summary>
/// Perceptual hashes and thumbnails for finding near-identical images: 64-bit dHash and pHash on
/// box-averaged grey downscales (robust to resampling, recompression and global brightness changes),
/// compared by Hamming distance, plus small thumbnails to confirm candidates.
/// </summary>
public static class PerceptualHash
{
    /// <summary>
    /// The pHash Hamming distance at or below which the audit takes two images as candidate
    /// near-duplicates: 4 of 64 bits (≈ 6 %), a usual tolerance for re-encoded or rescaled copies.
    /// </summary>
    public const int NearDuplicateThreshold = 4;

    /// <summary>
    /// The mean absolute difference of 16×16 grey thumbnails (grey levels, 0–255) at or below which a
    /// candidate is confirmed near-identical: 1 level (0.4 %). JPEG re-encoding or a small rescale of one
    /// picture stays well within it (box-averaging removes the compression noise), while on MTH416 the
    /// closest candidates are different patients, even opposite breasts, at 2.06 levels and more.
    /// </summary>
    public const double ThumbnailThreshold = 1.0;

    /// <summary>Mean absolute difference of two equally long arrays.</summary>
    public static double MeanAbsoluteDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count || a.Count == 0) throw new ArgumentException("thumbnails differ in size");
        double s = 0;
        for (int k = 0; k < a.Count; k++) s += Math.Abs(a[k] - b[k]);
        return s / a.Count;
    }

    /// <summary>
    /// Difference hash (dHash): box-average to 9×8 cells; bit 8·row + col is set when cell (row, col)
    /// is darker than its right neighbour. dHash of a <paramref name="width"/>×<paramref name="height"/> 8-bit grey image (row-major).</summary>
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

    /// <summary>
    /// 64-bit DCT hash (pHash): the grey image is box-averaged to 32×32, its 2-D DCT-II taken, and bit
    /// 8·u + v is set when low-frequency coefficient (u, v), 0 ≤ u, v &lt; 8, exceeds the median of those
    /// 64 coefficients without the DC term.
    /// </summary>
    public static ulong PHash(ReadOnlySpan<byte> pixels, int width, int height)
    {
        var t = Thumbnail(pixels, width, height, 32, 32);
        const int n = 32;
        var cos = new double[8, n];
        for (int u = 0; u < 8; u++)
            for (int x = 0; x < n; x++)
                cos[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * n));
        var rows = new double[n, 8]; // DCT along x for each row
        for (int y = 0; y < n; y++)
            for (int u = 0; u < 8; u++)
            {
                double s = 0;
                for (int x = 0; x < n; x++) s += t[y * n + x] * cos[u, x];
                rows[y, u] = s;
            }
        var coeff = new double[64];
        for (int v = 0; v < 8; v++)
            for (int u = 0; u < 8; u++)
            {
                double s = 0;
                for (int y = 0; y < n; y++) s += rows[y, u] * cos[v, y];
                coeff[v * 8 + u] = s;
            }
        var sorted = coeff.Skip(1).OrderBy(c => c).ToArray();
        double median = (sorted[31] + sorted[32]) / 2;
        ulong hash = 0;
        for (int k = 0; k < 64; k++) if (coeff[k] > median) hash |= 1UL << k;
        return hash;
    }

    /// <summary>The grey image box-averaged to <paramref name="cols"/>×<paramref name="rows"/> (row-major, 0…255).</summary>
    public static double[] Thumbnail(ReadOnlySpan<byte> pixels, int width, int height, int cols, int rows)
    {
        if (pixels.Length < (long)width * height || width <= 0 || height <= 0)
            throw new ArgumentException($"thumbnail: {pixels.Length} pixels for {width}×{height}");
        var sum = new double[rows * cols];
        var count = new int[rows * cols];
        for (int y = 0; y < height; y++)
        {
            int r = (int)((long)y * rows / height);
            for (int x = 0; x < width; x++)
            {
                int c = (int)((long)x * cols / width);
                sum[r * cols + c] += pixels[y * width + x];
                count[r * cols + c]++;
            }
        }
        for (int k = 0; k < sum.Length; k++) sum[k] = count[k] == 0 ? 0 : sum[k] / count[k];
        return sum;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
