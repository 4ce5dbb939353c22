using System.Net;
using System.Text;
using NetCt.Cli.Libc;

namespace NetCt.Tests.Libc;

public sealed class InetNtopTests
{
    // Expected values from glibc: a C program doing inet_pton then inet_ntop(AF_INET6, ...) for each
    // input (gcc ntop.c && ./ntop ::2 ::0.0.0.2 ...), on the machine with the reference conntrack.
    [Theory]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("::2", "::2")]
    [InlineData("::0.0.0.2", "::2")]
    [InlineData("::1.2.3.4", "::1.2.3.4")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4")]
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")] // .NET writes "::ffff:0:1.2.3.4"
    [InlineData("::fffe:1.2.3.4", "::fffe:102:304")]
    [InlineData("0:0:0:0:0:ffff:0:0", "::ffff:0.0.0.0")] // .NET writes "::ffff:0:0"
    [InlineData("0:0:0:0:0:0:1:0", "::0.1.0.0")]
    [InlineData("::100.0.0.0", "::100.0.0.0")]
    [InlineData("::ffff:ffff:ffff", "::ffff:255.255.255.255")]
    [InlineData("64:ff9b::192.0.2.1", "64:ff9b::c000:201")]
    [InlineData("::0:1:1.2.3.4", "::1:102:304")]
    [InlineData("1::", "1::")]
    [InlineData("0:0:1::", "0:0:1::")]
    [InlineData("::1:0:0:0:0:0", "0:0:1::")]
    [InlineData("1:0:0:2:0:0:0:3", "1:0:0:2::3")]
    [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")] // the first of two equal runs
    [InlineData("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")] // one zero word stays "0"
    [InlineData("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:db8::ffff:0:1", "2001:db8::ffff:0:1")]
    [InlineData("fe80::1:2:3:4", "fe80::1:2:3:4")]
    [InlineData("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8")]
    [InlineData("2001:db8:1234:5678:9abc:def0:1234:5678", "2001:db8:1234:5678:9abc:def0:1234:5678")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void Writes_IPv6_like_glibc(string input, string expected)
    {
        Assert.Equal(expected, Format(IPAddress.Parse(input)));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.1")]
    [InlineData("198.51.100.255")]
    [InlineData("203.0.113.10")]
    [InlineData("255.255.255.255")]
    public void Writes_IPv4_dotted_decimal(string address)
    {
        Assert.Equal(address, Format(IPAddress.Parse(address)));
    }

    [Fact]
    public void Writes_every_octet_value_in_every_position()
    {
        for (int value = 0; value < 256; value++)
        {
            var address = new IPAddress([(byte)value, (byte)(255 - value), (byte)(value / 2), (byte)(value ^ 0x5a)]);
            Assert.Equal($"{value}.{255 - value}.{value / 2}.{value ^ 0x5a}", Format(address));
        }
    }

    // glibc itself is the judge: a C program prints inet_ntop(AF_INET6) of each address, and every
    // line must match. The words are drawn mostly from 0, 1, 0xffff and a few others, so runs of
    // zeros of every length and place, and the embedded IPv4 forms, all come up many times.
    [Fact]
    public void Writes_many_IPv6_addresses_like_glibc_inet_ntop()
    {
        const string Source = """
            #include <arpa/inet.h>
            #include <stdio.h>
            int main(void)
            {
                unsigned char address[16];
                char text[INET6_ADDRSTRLEN];
                for (;;)
                {
                    for (int i = 0; i < 16; i++)
                        if (scanf("%2hhx", &address[i]) != 1)
                            return 0;
                    puts(inet_ntop(AF_INET6, address, text, sizeof text));
                }
            }
            """;
        var random = new Random(20261206);
        ushort[] choices = [0, 0, 0, 0, 1, 0xffff, 0xffff, 0x10, 0x100, 0x1000, 0xdb8, 0x2001];
        var addresses = new List<byte[]>();
        for (int n = 0; n < 20_000; n++)
        {
            byte[] address = new byte[16];
            for (int word = 0; word < 8; word++)
            {
                ushort value = random.Next(4) == 0 ? (ushort)random.Next(0x10000) : choices[random.Next(choices.Length)];
                address[2 * word] = (byte)(value >> 8);
                address[2 * word + 1] = (byte)value;
            }
            addresses.Add(address);
        }

        string input = string.Concat(addresses.Select(address => Convert.ToHexString(address) + "\n"));
        var glibc = ExternalTool.RunC(Source, "It needs gcc and glibc's headers (apt-get install -y gcc libc6-dev).", input);
        Assert.Equal(0, glibc.ExitCode);
        string actual = string.Concat(addresses.Select(address => Format(new IPAddress(address)) + "\n"));
        Assert.Equal(glibc.Output, actual);
    }

    private static string Format(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        Span<byte> text = stackalloc byte[InetNtop.MaxLength];
        return Encoding.ASCII.GetString(text[..InetNtop.Format(bytes[..length], text)]);
    }
}
