using Repro.Data;
using Repro.Data.Audit;

namespace Repro.Tests.Data.Audit;

public class BlockArtifactsTests
{
    [Fact]
    public void Hand_worked_ratio_of_boundary_to_inside_steps()
    {
        // one row of 16: a ramp 0..7, then 18..25 — 14 inside steps of 1, one boundary step (7|8) of 11: 121 / 1
        byte[] row = Enumerable.Range(0, 16).Select(x => (byte)(x < 8 ? x : x + 10)).ToArray();
        Assert.Equal(121.0, BlockArtifacts.BoundaryEnergy(row, 16, 1), 12);
        // the same row as a column: the vertical pairs count the same way
        Assert.Equal(121.0, BlockArtifacts.BoundaryEnergy(row, 1, 16), 12);
        Assert.Equal(1.0, BlockArtifacts.BoundaryEnergy(new byte[64], 8, 8)); // flat, and no boundary inside 8×8
        Assert.Throws<ArgumentException>(() => BlockArtifacts.BoundaryEnergy(new byte[10], 4, 4));
    }

    [Fact]
    public void Coarser_jpeg_quality_makes_block_edges_stand_out()
    {
        // a smooth, slightly noisy 64×64 image: re-encoded at quality 20 its block edges carry more energy than at 95
        var rng = new Repro.Runtime.Xoshiro256StarStar(3);
        var pixels = new byte[64 * 64];
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++)
                pixels[y * 64 + x] = (byte)Math.Clamp(60 + 1.5 * x + 0.8 * y + 40 * Math.Sin(x / 5.0) + rng.NextInt(9) - 4, 0, 255);
        double fine = BlockArtifacts.BoundaryEnergy(ImageDecoding.Harmonize(pixels, 64, 64, 95).Pixels, 64, 64);
        double coarse = BlockArtifacts.BoundaryEnergy(ImageDecoding.Harmonize(pixels, 64, 64, 20).Pixels, 64, 64);
        Assert.True(coarse > fine * 1.2, $"q20 {coarse} vs q95 {fine}");
    }
}
