using Repro.Sweeps;

namespace Repro.Tests.Sweeps;

public class SeedListTests
{
    [Fact]
    public void A_range_is_inclusive_and_in_order()
    {
        Assert.Equal(Enumerable.Range(42, 10).Select(i => (long)i), SeedList.Parse("42-51"));
    }

    [Fact]
    public void Lists_and_ranges_mix_in_the_order_written()
    {
        Assert.Equal(new long[] { 9, 1, 2, 3, 100 }, SeedList.Parse("9, 1-3,100"));
        Assert.Equal(new long[] { -2, 7 }, SeedList.Parse("-2,7"));
    }

    [Theory]
    [InlineData("51-42", "runs backwards")]
    [InlineData("42,x", "'x' is not a whole number")]
    [InlineData("1-3,2", "seed 2 is listed twice")]
    [InlineData("1-", "'' is not a whole number")]
    public void Bad_seed_lists_are_refused_naming_the_part(string text, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => SeedList.Parse(text));
        Assert.Contains(expected, e.Message);
        Assert.Contains(text, e.Message);
    }
}
