using NetCt.IntegrationTests.Harness;
using static NetCt.IntegrationTests.WritePath.WriteComparison;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// -U: every entry that matches and would change is updated and printed as read back; the rest are
/// skipped and not counted. Compared on a table without entries in other zones than 0, which
/// conntrack 1.4.8 cannot reach (see <see cref="WritePathDeliberateDifferenceTests"/>).
/// </summary>
public sealed class UpdateTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    // The mark: (old & ~mask) ^ value; entries whose mark would stay are skipped.
    [InlineData("-U -m 1")]
    [InlineData("-U -m 7")]
    [InlineData("-U -m 0x10/0x10")]
    [InlineData("-U -m 0/0xff")]
    [InlineData("-U -m 0x100/0xf00")]
    [InlineData("-U -m 0/0")]
    // Status bits are added; a bit the kernel does not let a process set is refused.
    [InlineData("-U -u SEEN_REPLY")]
    [InlineData("-U -u ASSURED")]
    [InlineData("-U -u ASSURED,SEEN_REPLY -m 3")]
    [InlineData("-U -u EXPECTED")]
    [InlineData("-U -u UNSET")]
    // Timeout.
    [InlineData("-U -t 500")]
    [InlineData("-U -p udp -t 20")]
    // Filters: protocol and ports, addresses and networks, family, reply tuple, id, NAT.
    [InlineData("-U -p tcp -m 9")]
    [InlineData("-U -p tcp --dport 80 -m 9")]
    [InlineData("-U -p tcp --state TIME_WAIT")]
    [InlineData("-U -p tcp --dport 443 --state CLOSE -t 10")]
    [InlineData("-U -s 192.0.2.1 -m 2")]
    [InlineData("-U -s 192.0.2.0/24 -m 2")]
    [InlineData("-U -d 203.0.113.0/26 -m 2")]
    [InlineData("-U -s 192.0.2.0 --mask-src 255.255.255.0 -m 2")]
    [InlineData("-U -f ipv6 -m 4")]
    [InlineData("-U -d 2001:db8::2 -m 5 -t 60")]
    [InlineData("-U -r 192.0.2.21 -m 6")]
    [InlineData("-U -q 192.0.2.30 -m 6")]
    [InlineData("-U -p icmp --icmp-type 8 -m 8")]
    [InlineData("-U -p icmpv6 -m 8")]
    [InlineData("-U -p gre -m 8")]
    [InlineData("-U -p sctp --state CLOSED")]
    [InlineData("-U -p sctp --state CLOSED --orig-vtag 1 --reply-vtag 2")]
    [InlineData("-U -p sctp --orig-vtag 1")]
    [InlineData("-U -i 12345 -m 1")]
    [InlineData("-U -n -m 2")]
    [InlineData("-U -g -m 2")]
    [InlineData("-U -n -g -m 2")]
    // Formats of the entries printed.
    [InlineData("-U -m 3 -o extended")]
    [InlineData("-U -m 3 -o xml")]
    [InlineData("-U -m 3 -o save")]
    [InlineData("-U -m 3 -o xml,extended")]
    [InlineData("-U -m 3 -o ktimestamp")]
    // Nothing matches, or nothing would change: exit 1.
    [InlineData("-U -s 192.0.2.99 -m 1")]
    [InlineData("-U -s 192.0.2.1")]
    [InlineData("-U conntrack -p udp -m 0x2")]
    public async Task UpdatesTheSameEntries(string commandLine)
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, WriteTable.LoadZoneZero, Words(commandLine));
    }

    [Fact]
    public async Task UpdatesLabels()
    {
        await Labels.InstallAsync(fixture);
        // The first entry is created before anything uses labels, so it has no room for them.
        const string Prepare =
            "conntrack -F; nft delete table inet netct_write_labels; " +
            "conntrack -I -s 192.0.2.9 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300; " +
            "nft -f - <<'EOF'\n" +
            "table inet netct_write_labels {\n" +
            "  chain output { type filter hook output priority 0; ct label one counter; }\n" +
            "}\n" +
            "EOF\n" +
            "conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 --label-add one; " +
            "conntrack -I -s 192.0.2.3 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 --label-add two,five; " +
            "conntrack -I -s 192.0.2.5 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300";
        // 192.0.2.0/29 leaves the entry without room out: the kernel refuses to label it (ENOSPC),
        // which stops conntrack where it meets it in the table, and netct after the datagram.
        foreach (string commandLine in new[]
        {
            "-U -s 192.0.2.0/29 --label-add two", "-U -s 192.0.2.0/29 --label-add one", "-U --label-add last -s 192.0.2.5",
            "-U -s 192.0.2.0/29 --label-del one", "-U --label-del two,five", "-U --label-del", "-U -l one --label-add five",
            "-U -l two,five --label-del five", "-U -s 192.0.2.9 --label-add one", "-U -s 192.0.2.0/29 --label-add one -m 3",
            "-U --label-del -o labels",
        })
        {
            await AssertSameAsync(fixture, Prepare, Words(commandLine), inspect: "conntrack -L -o labels,extended");
        }
    }
}
