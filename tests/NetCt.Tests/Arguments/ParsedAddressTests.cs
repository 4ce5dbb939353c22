using System.Net;
using NetCt.Cli.Arguments;
using NetCt.Conntrack;

namespace NetCt.Tests.Arguments;

public class ParsedAddressTests
{
    [Theory]
    [InlineData("192.0.2.0/24", 24)]
    [InlineData("192.0.2.0", ParsedAddress.NoPrefix)]
    [InlineData("192.0.2.0/", 0)]
    [InlineData("192.0.2.0/ 24", 24)]
    [InlineData("192.0.2.0/+24", 24)]
    [InlineData("192.0.2.0/4294967320", 24)]
    [InlineData("192.0.2.0/24 ", ParsedAddress.InvalidPrefix)]
    [InlineData("192.0.2.0/ ", ParsedAddress.InvalidPrefix)]
    [InlineData("192.0.2.0/-1", ParsedAddress.InvalidPrefix)]
    [InlineData("192.0.2.0/33", ParsedAddress.InvalidPrefix)]
    [InlineData("192.0.2.0/9223372036854775807", ParsedAddress.InvalidPrefix)]
    [InlineData("2001:db8::/128", 128)]
    [InlineData("2001:db8::/129", ParsedAddress.InvalidPrefix)]
    public void ReadsThePrefixAsStrtolIntoAnInt(string text, int prefix)
    {
        var parsed = ParsedAddress.Parse(text);
        Assert.NotNull(parsed.Address);
        Assert.Equal(prefix, parsed.PrefixLength);
    }

    [Fact]
    public void OnlyTheFirst45CharactersAreParsed()
    {
        // conntrack copies the text into a 46-byte buffer first: the junk past it is never seen.
        var parsed = ParsedAddress.Parse("192.0.2.1" + new string(' ', 36) + "junk/99");
        Assert.Equal(IPAddress.Parse("192.0.2.1"), parsed.Address);
        Assert.Equal(ParsedAddress.NoPrefix, parsed.PrefixLength);
    }

    [Fact]
    public void FamilyFollowsTheAddress()
    {
        Assert.Equal(IpFamily.IPv4, ParsedAddress.Parse("192.0.2.1").Family);
        Assert.Equal(IpFamily.IPv6, ParsedAddress.Parse("2001:db8::1").Family);
        Assert.Equal(IpFamily.Unspecified, ParsedAddress.Parse("foo/24").Family);
    }

    [Theory]
    [InlineData("192.0.2.0/24", "255.255.255.0")]
    [InlineData("192.0.2.0/0", "0.0.0.0")]
    [InlineData("192.0.2.0/9", "255.128.0.0")]
    [InlineData("2001:db8::/64", "ffff:ffff:ffff:ffff::")]
    [InlineData("2001:db8::/33", "ffff:ffff:8000::")]
    public void NetmaskHasPrefixLengthLeadingOnes(string text, string netmask)
        => Assert.Equal(IPAddress.Parse(netmask), ParsedAddress.Parse(text).Netmask());
}
