using System.Net;
using NetCt.Cli.Libc;

namespace NetCt.Tests.Libc;

public class InetAtonTests
{
    [Theory]
    [InlineData("1", "0.0.0.1")]
    [InlineData("1.2", "1.0.0.2")]
    [InlineData("1.2.3", "1.2.0.3")]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("0x7f.1", "127.0.0.1")]
    [InlineData("0300.0.2.1", "192.0.2.1")]
    [InlineData("4294967295", "255.255.255.255")]
    [InlineData("1.16777215", "1.255.255.255")]
    [InlineData("192.0.2.1 junk", "192.0.2.1")]
    [InlineData("192.0.2.1\n", "192.0.2.1")]
    public void AcceptsTheClassicForms(string text, string expected)
    {
        Assert.True(InetAton.TryParse(text, out uint address));
        Assert.Equal(IPAddress.Parse(expected), new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 192.0.2.1")]
    [InlineData("192.0.2.256")]
    [InlineData("0x100.0.2.1")]
    [InlineData("4294967296")]
    [InlineData("1.16777216")]
    [InlineData("08.1.1.1")]
    [InlineData("1.2.3.4.")]
    [InlineData("1..2")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.4x")]
    [InlineData("2001:db8::1")]
    public void RejectsEverythingElse(string text) => Assert.False(InetAton.TryParse(text, out _));
}
