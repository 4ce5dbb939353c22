using System.Net;
using NetCt.Cli.Top;
using NetCt.Conntrack;

namespace NetCt.Tests.Top;

/// <summary>netct top reads its filter with conntrack's own -L grammar.</summary>
public sealed class TopFilterTests
{
    [Fact]
    public void ConntrackFilterOptionsBecomeTheLibrarysFilter()
    {
        FlowFilter? filter = TopFilter.Parse(["-p", "tcp", "--dport", "443", "-s", "192.0.2.0/24", "-m", "0x10/0xf0"], out string? problem);

        Assert.Null(problem);
        Assert.Equal((byte?)6, filter!.Original!.Protocol);
        Assert.Equal((ushort?)443, filter.Original.DestinationPort);
        Assert.Equal(IPAddress.Parse("192.0.2.0"), filter.Original.Source);
        Assert.Equal(IPAddress.Parse("255.255.255.0"), filter.OriginalSourceMask);
        Assert.Equal((0x10u, 0xf0u), (filter.Mark, filter.MarkMask));
    }

    [Fact]
    public void NoWordsIsAnEmptyFilter() => Assert.True(TopFilter.Parse([], out _)!.IsEmpty);

    [Theory]
    [InlineData("-p foo", "`foo' unsupported protocol")]
    [InlineData("--dport 53", "unknown option `--dport'")]
    [InlineData("-D", null)]
    public void ABadFilterSaysWhatConntrackWouldSay(string text, string? expected)
    {
        Assert.Null(TopFilter.Parse(TopFilter.Words(text), out string? problem));
        Assert.NotNull(problem);
        if (expected is not null)
            Assert.Contains(expected, problem);
    }
}
