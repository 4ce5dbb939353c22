using NetCt.Conntrack;

namespace NetCt.Tests.Health;

/// <summary>Top-K counting in bounded memory (Space-Saving).</summary>
public sealed class TopKeyCounterTests
{
    [Fact]
    public void CountsAreExactWhileTheKeysFit()
    {
        var counter = new TopKeyCounter<int>(10);
        foreach (int key in new[] { 1, 2, 2, 3, 3, 3, 4, 4, 4, 4 })
            counter.Add(key);

        var top = counter.Top(2);

        Assert.True(counter.IsExact);
        Assert.Equal(10, counter.Total);
        Assert.Equal([new KeyCount<int>(4, 4, 0), new KeyCount<int>(3, 3, 0)], top);
    }

    [Fact]
    public void HeavyKeysSurviveAStreamOfManyMoreDistinctKeys()
    {
        // 100,000 distinct one-off keys interleaved with three heavy ones, through 64 slots.
        var counter = new TopKeyCounter<int>(64);
        for (int i = 0; i < 100_000; i++)
        {
            counter.Add(1_000_000 + i);
            if (i % 10 == 0)
                counter.Add(-1);
            if (i % 20 == 0)
                counter.Add(-2);
            if (i % 40 == 0)
                counter.Add(-3);
        }

        var top = counter.Top(3);

        Assert.False(counter.IsExact);
        Assert.Equal([-1, -2, -3], top.Select(item => item.Key));
        // The count may be high, by at most its overcount, never low.
        Assert.All(top.Zip(new long[] { 10_000, 5_000, 2_500 }), pair =>
        {
            Assert.InRange(pair.Second, pair.First.Count - pair.First.Overcount, pair.First.Count);
        });
    }

    [Fact]
    public void TopNeverReturnsMoreThanItHolds()
    {
        var counter = new TopKeyCounter<string>(4);
        counter.Add("a");

        Assert.Single(counter.Top(5));
        Assert.Empty(new TopKeyCounter<string>(4).Top(5));
    }
}
