using NetCt.Cli.Arguments;

namespace NetCt.Tests.Arguments;

public class NatAddressTests
{
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1", null)]
    [InlineData("192.0.2.1:80", "192.0.2.1", "80")]
    [InlineData("192.0.2.1:00080", "192.0.2.1", "00080")]
    [InlineData("2001:db8::1", "2001:db8::1", null)]
    [InlineData("[2001:db8::1]:443", "2001:db8::1", "443")]
    [InlineData("x[2001:db8::1]:443", "2001:db8::1", "443")]
    [InlineData("[2001:db8::1]", "[2001:db8::1]", null)]
    [InlineData("[2001:db8::1]x", "[2001:db8::1]x", null)]
    [InlineData(":80", "", "80")]
    public void SplitsAddressAndPort(string argument, string address, string? port)
        => Assert.Equal((address, port), NatAddress.Split(argument));

    [Theory]
    [InlineData("192.0.2.1:", "No port specified after `:'")]
    [InlineData("192.0.2.1:x", "Invalid port `x'")]
    [InlineData("192.0.2.1:65536", "Invalid port `65536'")]
    [InlineData("192.0.2.1:-1", "Invalid port `-1'")]
    [InlineData("192.0.2.1: 1", "Invalid port ` 1'")]
    [InlineData("[]:80", "No IPv6 address specified")]
    [InlineData("[2001:db8::1", "No closing ']' around IPv6 address")]
    [InlineData("[2001:db8::1]:x:80", "Invalid port `x:80'")]
    public void RejectsMalformedPorts(string argument, string message)
        => Assert.Equal(message, Assert.Throws<ParameterException>(() => NatAddress.Split(argument)).Error.Message);

    [Fact]
    public void PortValueIsDecimalEvenWithLeadingZeros() => Assert.Equal(80, NatAddress.PortValue("00080"));
}
