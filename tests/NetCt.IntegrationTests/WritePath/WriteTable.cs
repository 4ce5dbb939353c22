using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// The starting tables of the write-path comparisons, made with the reference's <c>-R</c>: a mixed
/// table (every protocol, both families, marks, statuses, NAT, zones) and the same without the
/// entries in other zones than 0 (which conntrack's -U cannot reach, so -U comparisons leave them out).
/// </summary>
public static class WriteTable
{
    /// <summary>Where <see cref="InstallAsync"/> writes the table's lines.</summary>
    public const string File = "/tmp/netct-write-table.txt";

    /// <summary>Where <see cref="InstallAsync"/> writes the lines of the zone-0 table.</summary>
    public const string ZoneZeroFile = "/tmp/netct-write-table-zone0.txt";

    /// <summary>A shell script that empties the table and loads <see cref="File"/>.</summary>
    public const string Load = "conntrack -F; conntrack -R " + File;

    /// <summary>A shell script that empties the table and loads <see cref="ZoneZeroFile"/>.</summary>
    public const string LoadZoneZero = "conntrack -F; conntrack -R " + ZoneZeroFile;

    /// <summary>A shell script that empties the table.</summary>
    public const string Empty = "conntrack -F";

    /// <summary>The entries in zone 0.</summary>
    public static readonly IReadOnlyList<string> ZoneZeroLines =
    [
        "-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 3000 -m 7 -u ASSURED",
        "-I -s 192.0.2.3 -d 192.0.2.4 -p tcp --sport 1001 --dport 80 --state SYN_SENT -t 3000 -m 0x10",
        "-I -s 192.0.2.9 -d 192.0.2.10 -p tcp --sport 1004 --dport 22 --state CLOSE_WAIT -t 3000 -u SEEN_REPLY -m 0xff00ff",
        "-I -s 192.0.2.20 -d 192.0.2.21 -r 192.0.2.21 -q 192.0.2.20 -p tcp --sport 10 --dport 20 --reply-port-src 20 --reply-port-dst 10 --state ESTABLISHED -t 3000",
        "-I -s 198.51.100.1 -d 203.0.113.1 -p udp --sport 53 --dport 5353 -t 3000 -m 1 -u SEEN_REPLY,ASSURED",
        "-I -s 198.51.100.2 -d 203.0.113.2 -p udplite --sport 54 --dport 5354 -t 3000",
        "-I -s 198.51.100.3 -d 203.0.113.3 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 42 -t 3000 -m 7",
        "-I -s 198.51.100.4 -d 203.0.113.4 -p sctp --sport 7 --dport 8 --state ESTABLISHED --orig-vtag 17 --reply-vtag 18 -t 3000",
        "-I -s 198.51.100.6 -d 203.0.113.6 -p gre --srckey 1 --dstkey 2 -t 3000 -m 0x1f",
        "-I -s 198.51.100.7 -d 203.0.113.7 -p 99 -t 3000",
        "-I -s 192.0.2.30 -d 198.51.100.30 -p tcp --sport 2000 --dport 80 --state ESTABLISHED -t 3000 --src-nat 203.0.113.30:4000",
        "-I -s 192.0.2.31 -d 198.51.100.31 -p udp --sport 2001 --dport 53 -t 3000 --dst-nat 203.0.113.31",
        "-I -s 2001:db8::1 -d 2001:db8::2 -p tcp --sport 3000 --dport 443 --state ESTABLISHED -t 3000 -m 7 -u ASSURED",
        "-I -s 2001:db8::3 -d 2001:db8::4 -p udp --sport 3001 --dport 53 -t 3000 -m 2",
        "-I -s 2001:db8::5 -d 2001:db8::6 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 9 -t 3000",
        "-I -s 2001:db8::7 -d 2001:db8::8 -p tcp --sport 3002 --dport 80 --state ESTABLISHED -t 3000 --dst-nat [2001:db8::99]:8080",
        "-I -s 2001:db8::9 -d 2001:db8::a -p udp --sport 3003 --dport 53 -t 3000 --src-nat 2001:db8::98",
    ];

    /// <summary>The whole table: <see cref="ZoneZeroLines"/> and entries in other zones.</summary>
    public static readonly IReadOnlyList<string> Lines =
    [
        .. ZoneZeroLines,
        "-I -s 192.0.2.5 -d 192.0.2.6 -p tcp --sport 1002 --dport 80 --state TIME_WAIT -t 3000 -w 5",
        "-I -s 192.0.2.7 -d 192.0.2.8 -p tcp --sport 1003 --dport 22 --state FIN_WAIT -t 3000 --orig-zone 3",
        "-I -s 198.51.100.8 -d 203.0.113.8 -p udp --sport 55 --dport 5355 -t 3000 -w 5 -m 7",
        "-I -s 2001:db8::b -d 2001:db8::c -p udp --sport 3004 --dport 53 -t 3000 -w 2",
    ];

    /// <summary>Writes both tables' files into the container.</summary>
    public static async Task InstallAsync(ContainerFixture fixture)
    {
        await fixture.WriteFileAsync(File, string.Join('\n', Lines) + "\n");
        await fixture.WriteFileAsync(ZoneZeroFile, string.Join('\n', ZoneZeroLines) + "\n");
    }
}
