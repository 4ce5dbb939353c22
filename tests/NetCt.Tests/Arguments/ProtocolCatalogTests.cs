using NetCt.Cli.Arguments;

namespace NetCt.Tests.Arguments;

public class ProtocolCatalogTests
{
    private static readonly ProtocolDatabase Protocols = ProtocolDatabase.FromLines(
        ["# comment", "tcp\t6\tTCP", "ipv6-icmp 58\tIPv6-ICMP\t# ICMP for IPv6", "ospf\t89\tOSPFIGP", "broken", "bad x"]);

    [Theory]
    [InlineData("tcp", "tcp", 6)]
    [InlineData("TCP", "tcp", 6)]
    [InlineData("UDPLite", "udplite", 136)]
    [InlineData("6", "tcp", 6)]
    [InlineData("0x11", "udp", 17)]
    [InlineData("041", "dccp", 33)]
    [InlineData(" 132", "sctp", 132)]
    [InlineData("+1", "icmp", 1)]
    [InlineData("58", "icmpv6", 58)]
    [InlineData("47", "gre", 47)]
    public void FindsTheExtensionByNameOrNumber(string name, string extension, byte number)
    {
        var found = ProtocolCatalog.Find(name, () => Protocols)!;
        Assert.Equal(extension, found.Name);
        Assert.Equal(number, found.Number);
    }

    [Theory]
    [InlineData("ospf", 89)]
    [InlineData("OSPFIGP", 89)]
    [InlineData("ipv6-icmp", 58)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("255", 255)]
    public void NamesFromTheDatabaseAndOtherNumbersGetNoExtension(string name, byte number)
    {
        var found = ProtocolCatalog.Find(name, () => Protocols);
        Assert.IsType<UnknownProtocolExtension>(found);
        Assert.Equal(number, found.Number);
        Assert.Empty(found.Options);
    }

    [Theory]
    [InlineData("")]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("6x")]
    [InlineData("Ospf")]
    [InlineData("unknown")]
    [InlineData("ıcmp")]
    public void RejectsEverythingElse(string name) => Assert.Null(ProtocolCatalog.Find(name, () => Protocols));

    [Theory]
    [InlineData("tcp")]
    [InlineData("ICMPv6")]
    public void AnExtensionsNameDoesNotReadTheDatabase(string name)
    {
        // Reading /etc/protocols for -p tcp cost -G a fifth of a millisecond at every start.
        var found = ProtocolCatalog.Find(name, () => throw new InvalidOperationException("the database was read"));
        Assert.Equal(name.ToLowerInvariant(), found!.Name);
    }

    [Fact]
    public void DatabaseGivesTheOfficialNameOfANumber()
    {
        Assert.Equal("ospf", Protocols.NameOf(89));
        Assert.Null(Protocols.NameOf(200));
    }
}
