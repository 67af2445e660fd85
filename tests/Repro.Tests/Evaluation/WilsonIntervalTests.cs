using Repro.Evaluation;

namespace Repro.Tests.Evaluation;

public class WilsonIntervalTests
{
    [Fact]
    public void Known_values()
    {
        // 5/10: the textbook (0.2366, 0.7634)
        var half = WilsonInterval.Compute(5, 10)!;
        Assert.Equal(0.23659309, half.Lower, 1e-8);
        Assert.Equal(0.76340691, half.Upper, 1e-8);
        // 0/10: [0, z²/(n + z²)] = [0, 0.27753]
        var none = WilsonInterval.Compute(0, 10)!;
        Assert.Equal(0, none.Lower);
        double z2 = WilsonInterval.Z95 * WilsonInterval.Z95;
        Assert.Equal(z2 / (10 + z2), none.Upper, 1e-15);
        // 10/10 mirrors it
        var all = WilsonInterval.Compute(10, 10)!;
        Assert.Equal(10 / (10 + z2), all.Lower, 1e-15);
        Assert.Equal(1, all.Upper);
        // 18/20 (e.g. a cancer recall on the study's test set): 0.6990 … 0.9721
        var c = WilsonInterval.Compute(18, 20)!;
        Assert.Equal(0.69897, c.Lower, 1e-5);
        Assert.Equal(0.97213, c.Upper, 1e-5);
    }

    [Fact]
    public void No_trials_give_no_interval_and_bad_counts_throw()
    {
        Assert.Null(WilsonInterval.Compute(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(3, 2));
    }

    [Fact]
    public void Z_follows_the_confidence_level()
    {
        Assert.Equal(WilsonInterval.Z95, WilsonInterval.ZFor(0.95));
        Assert.Equal(1.959963984540054, NormalQuantile.Of(0.975), 1e-15);
        Assert.Equal(2.5758293035489004, WilsonInterval.ZFor(0.99), 1e-14);
        Assert.Equal(1.6448536269514722, WilsonInterval.ZFor(0.90), 1e-14);
        Assert.Equal(0.6744897501960817, WilsonInterval.ZFor(0.50), 1e-14);
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.ZFor(1.0));
    }
}
