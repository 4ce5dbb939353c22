using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests;

/// <summary>
/// netct against the reference on the same table. These need bin/netct (`make build`) and fail until
/// netct implements what they run: they are the acceptance tests, never skipped.
/// </summary>
public sealed class NetctComparisonTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    public static TheoryData<string[]> ListingArguments => new()
    {
        new[] { "-L" },
        new[] { "-L", "-o", "extended" },
        new[] { "-L", "-o", "xml" },
        new[] { "-L", "-o", "save" },
        new[] { "-L", "-o", "id" },
        new[] { "-L", "-p", "tcp" },
        new[] { "-L", "-f", "ipv6" },
        new[] { "-L", "-m", "7" },
        new[] { "-L", "-s", "198.51.100.0/24" },
        new[] { "-L", "-w", "3" },
    };

    [Fact]
    public async Task Version()
    {
        var comparison = await fixture.AssertSameAsync("-V");
        Assert.StartsWith("netct v", comparison.Netct.Stdout);
    }

    [Fact]
    public async Task ListEmptyTable()
    {
        await fixture.ResetAsync();
        await fixture.AssertSameAsync("-L");
        await fixture.AssertSameAsync("-L", "-o", "xml");
        await fixture.AssertSameAsync("-C");
    }

    [Theory]
    [MemberData(nameof(ListingArguments))]
    public async Task ListCreatedEntries(string[] args)
    {
        await fixture.ResetAsync();
        await CreateMixedEntriesAsync();
        await fixture.AssertSameAsync(args);
    }

    [Fact]
    public async Task Count()
    {
        await fixture.ResetAsync();
        await CreateMixedEntriesAsync();
        await fixture.AssertSameAsync("-C");
    }

    [Fact]
    public async Task ListRealLoopbackFlowsWithCountersAndTimestamps()
    {
        await fixture.ResetAsync();
        await fixture.EnableAccountingAsync();
        await fixture.EnableTimestampsAsync();
        await fixture.GenerateLoopbackFlowsAsync(tcp: 2, udp: 2, icmp: 1, holdSeconds: 60);
        await fixture.GenerateLoopbackFlowsAsync(tcp: 1, udp: 1, icmp: 1, ipv6: true, tcpPort: 5101, udpPort: 6101);
        await fixture.AssertSameAsync("-L");
        await fixture.AssertSameAsync("-L", "-o", "extended");
        await fixture.AssertSameAsync("-L", "-o", "xml");
    }

    [Fact]
    public async Task UnknownOptionIsAParameterProblem() =>
        await fixture.AssertSameAsync("-L", "--no-such-option");

    private Task CreateMixedEntriesAsync() =>
        fixture.LoadAsync([
            "-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 300 -m 7",
            "-I -s 198.51.100.7 -d 203.0.113.9 -p udp --sport 53 --dport 5353 -t 120 -m 1",
            "-I -s 198.51.100.8 -d 203.0.113.9 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 42 -t 30",
            "-I -s 2001:db8::1 -d 2001:db8::2 -p tcp --sport 2000 --dport 22 --state SYN_SENT -t 60 -w 3",
            "-I -s 2001:db8::1 -d 2001:db8::3 -p udp --sport 3000 --dport 4000 -t 90 -u ASSURED",
        ]);
}
