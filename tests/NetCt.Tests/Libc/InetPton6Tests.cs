using System.Net;
using NetCt.Cli.Libc;

namespace NetCt.Tests.Libc;

public class InetPton6Tests
{
    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:DB8::1")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("::1.2.3.4")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("2001:db8:0:0:0:0:0:1")]
    public void AcceptsRfc4291Text(string text)
    {
        Span<byte> address = stackalloc byte[16];
        Assert.True(InetPton6.TryParse(text, address));
        Assert.Equal(IPAddress.Parse(text), new IPAddress(address));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":")]
    [InlineData(":1")]
    [InlineData("1:")]
    [InlineData("1::2:")]
    [InlineData("1::2::3")]
    [InlineData("2001:db8:::1")]
    [InlineData("2001:db8::00001")]
    [InlineData("2001:db8::01.2.3.4")]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("2001:db8:0:0:0:0:0:1:2")]
    [InlineData("2001:db8::1%eth0")]
    [InlineData("[2001:db8::1]")]
    [InlineData("192.0.2.1")]
    public void RejectsWhatGlibcRejects(string text) => Assert.False(InetPton6.TryParse(text, stackalloc byte[16]));
}
