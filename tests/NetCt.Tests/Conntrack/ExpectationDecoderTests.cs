using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>Decodes the expectations captured from the kernel (see <see cref="CapturedExpectations"/>) and malformed variants.</summary>
public sealed class ExpectationDecoderTests
{
    [Fact]
    public void FtpExpectationBehindNatCarriesEveryAttribute()
    {
        Expectation expectation = Decode(CapturedExpectations.FtpBehindNat);

        Assert.Equal(IpFamily.IPv4, expectation.Family);
        FlowDecoderFixtureTests.AssertPorts(expectation.Tuple, "127.0.0.1", "127.0.0.1", 6, 0, 50000);
        FlowDecoderFixtureTests.AssertPorts(expectation.Mask, "255.255.255.255", "255.255.255.255", 6, 0, 65535);
        FlowDecoderFixtureTests.AssertPorts(expectation.Master, "127.0.0.1", "127.0.0.1", 6, 33452, 2124);
        Assert.Equal(299u, expectation.Timeout);
        Assert.Equal(346240126u, expectation.Id);
        Assert.Equal(ExpectationFlags.None, expectation.Flags);
        Assert.Equal(0u, expectation.Class);
        Assert.Equal("ftp", expectation.Helper);
        Assert.Equal("nat-follow-master", expectation.Function);
        Assert.NotNull(expectation.Nat);
        Assert.Equal(0u, expectation.Nat.Direction);
        FlowDecoderFixtureTests.AssertPorts(expectation.Nat.Tuple, "0.0.0.0", "0.0.0.0", 6, 50000, 0);
        Assert.Null(expectation.Zone);
    }

    [Fact]
    public void TftpExpectationHasNoNatAndNoFunction()
    {
        Expectation expectation = Decode(CapturedExpectations.Tftp);

        FlowDecoderFixtureTests.AssertPorts(expectation.Tuple, "127.0.0.1", "127.0.0.1", 17, 0, 40069);
        FlowDecoderFixtureTests.AssertPorts(expectation.Master, "127.0.0.1", "127.0.0.1", 17, 40069, 69);
        Assert.Equal("tftp", expectation.Helper);
        Assert.Null(expectation.Nat);
        Assert.Null(expectation.Function);
    }

    [Fact]
    public void RefusesAConntrackMessage()
    {
        var e = Assert.Throws<NetlinkDecodeException>(() => Decode(CapturedMessages.Udp));
        Assert.Contains("not a ctnetlink_exp message", e.Message);
    }

    [Fact]
    public void NamesTheAttributeThatIsTooShort()
    {
        // CTA_EXPECT_TIMEOUT cut to 2 bytes: nlmsghdr, nfgenmsg, then the attribute.
        byte[] message = Fixture.Parse("""
            1a000000 00020200 00000000 00000000   // nlmsghdr: len 26, IPCTNL_MSG_EXP_NEW
            02000000                              // nfgenmsg: AF_INET
            06000400 0001                         // CTA_EXPECT_TIMEOUT with a 2-byte value
            """);

        var e = Assert.Throws<NetlinkDecodeException>(() => Decode(message));
        Assert.StartsWith("expectation: CTA_EXPECT_TIMEOUT: ", e.Message);
    }

    [Fact]
    public void SkipsUnknownAttributes()
    {
        byte[] message = Fixture.Parse("""
            1c000000 00020200 00000000 00000000   // nlmsghdr: len 28, IPCTNL_MSG_EXP_NEW
            0a000000                              // nfgenmsg: AF_INET6
            08006300 00000001                     // type 99, unknown
            """);

        Expectation expectation = Decode(message);

        Assert.Equal(IpFamily.IPv6, expectation.Family);
        Assert.Null(expectation.Tuple);
        Assert.Null(expectation.Timeout);
    }

    // The kernel sends IPEXP_NEW as IPCTNL_MSG_EXP_NEW with NLM_F_CREATE | NLM_F_EXCL, IPEXP_DESTROY as IPCTNL_MSG_EXP_DELETE.
    [Theory]
    [InlineData(0x00, 0x0600, FlowEventType.New)]
    [InlineData(0x00, 0x0000, FlowEventType.Update)]
    [InlineData(0x02, 0x0000, FlowEventType.Destroy)]
    public void EventTypeComesFromTheMessageTypeAndFlags(byte message, ushort flags, FlowEventType expected)
    {
        byte[] notification = (byte[])CapturedExpectations.Tftp.Clone();
        notification[4] = message;
        BitConverter.TryWriteBytes(notification.AsSpan(6), flags);

        ExpectationEvent decoded = ExpectationDecoder.DecodeEvent(new NetlinkMessage(notification, senderPortId: 4242));

        Assert.Equal(expected, decoded.Type);
        Assert.Equal(4242u, decoded.SenderPortId);
        Assert.Equal("tftp", decoded.Expectation.Helper);
    }

    [Fact]
    public void AGetRequestIsNoEvent()
    {
        byte[] notification = (byte[])CapturedExpectations.Tftp.Clone();
        notification[4] = 0x01;
        Assert.Throws<NetlinkDecodeException>(() => ExpectationDecoder.DecodeEvent(new NetlinkMessage(notification)));
    }

    internal static Expectation Decode(byte[] captured) => ExpectationDecoder.Decode(new NetlinkMessage(captured));
}
