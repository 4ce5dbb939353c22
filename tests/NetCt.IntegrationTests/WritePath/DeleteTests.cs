using NetCt.IntegrationTests.Harness;
using static NetCt.IntegrationTests.WritePath.WriteComparison;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// -D with every filter of -L (the kernel filters family and mark, the rest is judged per entry):
/// each deleted entry is printed in the chosen format, and nothing deleted is exit 1.
/// </summary>
public sealed class DeleteTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    [InlineData("-D")]
    [InlineData("-D conntrack")]
    [InlineData("-D -m 7")]
    [InlineData("-D -m 0x10/0xf0")]
    [InlineData("-D -m 0")]
    [InlineData("-D -p tcp")]
    [InlineData("-D -p tcp --dport 80")]
    [InlineData("-D -p tcp --state ESTABLISHED")]
    [InlineData("-D -p udp --sport 53 --dport 5353")]
    [InlineData("-D -p udplite")]
    [InlineData("-D -p icmp --icmp-type 8 --icmp-id 42")]
    [InlineData("-D -p icmpv6")]
    [InlineData("-D -p sctp --state ESTABLISHED")]
    [InlineData("-D -p gre")]
    [InlineData("-D -p 99")]
    [InlineData("-D -s 192.0.2.1")]
    [InlineData("-D -s 192.0.2.0/24")]
    [InlineData("-D -d 203.0.113.0/26")]
    [InlineData("-D -s 2001:db8::/124")]
    [InlineData("-D -r 192.0.2.21")]
    [InlineData("-D -q 192.0.2.30")]
    [InlineData("-D -f ipv4")]
    [InlineData("-D -f ipv6")]
    [InlineData("-D -w 5")]
    [InlineData("-D -w 0")]
    [InlineData("-D --orig-zone 3")]
    [InlineData("-D -u ASSURED")]
    [InlineData("-D -u SEEN_REPLY,ASSURED")]
    [InlineData("-D -u FIXED_TIMEOUT")]
    [InlineData("-D -n")]
    [InlineData("-D -g")]
    [InlineData("-D -j")]
    [InlineData("-D -n 203.0.113.30")]
    [InlineData("-D -n 203.0.113.30:4000")]
    [InlineData("-D -g 203.0.113.31")]
    [InlineData("-D -j 203.0.113.31")]
    [InlineData("-D -p tcp -m 7 -f ipv4")]
    [InlineData("-D -i 12345")]
    [InlineData("-D -o save")]
    [InlineData("-D -o xml")]
    [InlineData("-D -o extended")]
    [InlineData("-D -o xml,extended -p udp")]
    [InlineData("-D -o ktimestamp")]
    [InlineData("-D -s 192.0.2.99")]
    [InlineData("-D -p icmp --icmp-type 0")]
    public async Task DeletesTheSameEntries(string commandLine)
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, WriteTable.Load, Words(commandLine));
    }

    [Fact]
    public async Task DeletesFromAnEmptyTable()
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, WriteTable.Empty, ["-D"]);
    }

    [Fact]
    public async Task DeletesLabelledEntries()
    {
        await Labels.InstallAsync(fixture);
        const string Prepare =
            "conntrack -F; conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 --label-add one; " +
            "conntrack -I -s 192.0.2.3 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 --label-add two,five";
        foreach (string commandLine in new[] { "-D -l one", "-D -l five", "-D -o labels", "-D -l two,five -o extended" })
        {
            await AssertSameAsync(fixture, Prepare, Words(commandLine), inspect: "conntrack -L -o labels");
        }
    }
}
