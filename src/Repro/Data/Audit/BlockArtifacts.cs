namespace Repro.Data.Audit;

/// <summary>
/// A compression-artefact feature: how much stronger the grey-level steps are across the 8×8 JPEG block boundaries
/// than inside the blocks. For each pair of horizontally or vertically adjacent pixels, the squared difference counts
/// as "boundary" when the pair straddles a multiple-of-8 edge (columns 7|8, 15|16, …; rows likewise) and as "inside"
/// otherwise; the feature is mean boundary energy / mean inside energy (1 for an image without blocking, and for a
/// flat image). Coarser JPEG quantisation makes block edges stand out, so sources compressed differently differ here.
/// </summary>
public static class BlockArtifacts
{
    /// <summary>Mean squared step across 8×8 block boundaries over the mean squared step inside blocks.</summary>
    public static double BoundaryEnergy(byte[] pixels, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)width * height) throw new ArgumentException($"{pixels.Length} pixels for {width}x{height}");
        double boundary = 0, inside = 0;
        long nBoundary = 0, nInside = 0;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int p = pixels[y * width + x];
                if (x + 1 < width)
                {
                    double d = p - pixels[y * width + x + 1];
                    if (x % 8 == 7) { boundary += d * d; nBoundary++; } else { inside += d * d; nInside++; }
                }
                if (y + 1 < height)
                {
                    double d = p - pixels[(y + 1) * width + x];
                    if (y % 8 == 7) { boundary += d * d; nBoundary++; } else { inside += d * d; nInside++; }
                }
            }
        if (nBoundary == 0 || nInside == 0) return 1;
        double b = boundary / nBoundary, i = inside / nInside;
        return i == 0 ? (b == 0 ? 1 : b) : b / i;
    }
}
