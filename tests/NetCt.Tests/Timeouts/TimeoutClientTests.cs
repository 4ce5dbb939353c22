using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Timeouts;

/// <summary>TimeoutClient's requests byte for byte (as libnetfilter_cttimeout builds them) and its decoding of replies.</summary>
public sealed class TimeoutClientTests
{
    private static readonly ushort PolicyGet = NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_TIMEOUT, (byte)CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_GET);

    [Fact]
    public void CreateSendsNameFamiliesAndTheGivenStatesInAttributeOrder()
    {
        var kernel = Acking();
        using var client = new TimeoutClient(() => kernel.Socket);

        client.Create(new TimeoutPolicy
        {
            Name = "t1",
            Family = AddressFamilies.AF_INET,
            Protocol = IpProtocols.IPPROTO_TCP,
            Timeouts = new Dictionary<ushort, uint>
            {
                [(ushort)CtattrTimeoutTcp.CTA_TIMEOUT_TCP_ESTABLISHED] = 100,
                [(ushort)CtattrTimeoutTcp.CTA_TIMEOUT_TCP_SYN_SENT] = 5,
            },
        });

        FakeKernel.AssertRequest(
            """
            40000000 0008 0504 00000000 00000000  // len 64, IPCTNL_MSG_TIMEOUT_NEW, REQUEST|ACK|CREATE
            00000000                              // nfgenmsg: AF_UNSPEC, v0
            07000100 74310000                     // CTA_TIMEOUT_NAME "t1"
            06000200 00020000                     // CTA_TIMEOUT_L3PROTO AF_INET
            05000300 06000000                     // CTA_TIMEOUT_L4PROTO tcp
            14000480                              // CTA_TIMEOUT_DATA (nested)
              08000100 00000005                   //   CTA_TIMEOUT_TCP_SYN_SENT 5
              08000300 00000064                   //   CTA_TIMEOUT_TCP_ESTABLISHED 100
            """,
            kernel.Sent[0]);
    }

    [Fact]
    public void DeleteSendsTheNameAndFlushNothing()
    {
        var kernel = Acking();
        using var client = new TimeoutClient(() => kernel.Socket);

        client.Delete("t1");
        client.Flush();

        FakeKernel.AssertRequest(
            """
            1c000000 0208 0500 00000000 00000000  // len 28, IPCTNL_MSG_TIMEOUT_DELETE, REQUEST|ACK
            00000000
            07000100 74310000                     // CTA_TIMEOUT_NAME "t1"
            """,
            kernel.Sent[0]);
        FakeKernel.AssertRequest("14000000 0208 0500 00000000 00000000 00000000", kernel.Sent[1]);
    }

    [Fact]
    public void ListDumpsAndDecodesEveryAttribute()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Datagram(
            KernelMessages.Data(PolicyGet, seq, family: 0, attributes:
            [
                KernelMessages.Attribute((ushort)CtattrTimeout.CTA_TIMEOUT_NAME, "u1\0"u8.ToArray()),
                KernelMessages.Attribute((ushort)CtattrTimeout.CTA_TIMEOUT_L3PROTO, 0, 10),
                KernelMessages.Attribute((ushort)CtattrTimeout.CTA_TIMEOUT_L4PROTO, 17),
                KernelMessages.Attribute((ushort)((ushort)CtattrTimeout.CTA_TIMEOUT_DATA | NetlinkAttributeFlags.NLA_F_NESTED),
                [
                    .. KernelMessages.Attribute((ushort)CtattrTimeoutUdp.CTA_TIMEOUT_UDP_UNREPLIED, KernelMessages.U32BigEndian(10)),
                    .. KernelMessages.Attribute((ushort)CtattrTimeoutUdp.CTA_TIMEOUT_UDP_REPLIED, KernelMessages.U32BigEndian(20)),
                ]),
                KernelMessages.Attribute((ushort)CtattrTimeout.CTA_TIMEOUT_USE, KernelMessages.U32BigEndian(2)),
            ]),
            KernelMessages.Done(seq))]);
        using var client = new TimeoutClient(() => kernel.Socket);

        TimeoutPolicy policy = Assert.Single(client.List());

        FakeKernel.AssertRequest("14000000 0108 0103 00000000 00000000 00000000", kernel.Sent[0]);
        Assert.Equal("u1", policy.Name);
        Assert.Equal(AddressFamilies.AF_INET6, policy.Family);
        Assert.Equal(IpProtocols.IPPROTO_UDP, policy.Protocol);
        Assert.Equal(2u, policy.Use);
        Assert.Equal(new Dictionary<ushort, uint> { [1] = 10, [2] = 20 }, policy.Timeouts);
    }

    [Fact]
    public void GetOfAnUnknownNameIsNull()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.ENOENT)]);
        using var client = new TimeoutClient(() => kernel.Socket);

        Assert.Null(client.Get("nope"));
        FakeKernel.AssertRequest(
            """
            20000000 0108 0500 00000000 00000000  // len 32, IPCTNL_MSG_TIMEOUT_GET, REQUEST|ACK
            00000000
            09000100 6e6f7065 00000000            // CTA_TIMEOUT_NAME "nope"
            """,
            kernel.Sent[0]);
    }

    [Fact]
    public void GetDefaultSendsTheFamiliesAndReadsAPolicyWithoutName()
    {
        var kernel = new FakeKernel();
        ushort defaultGet = NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_TIMEOUT, (byte)CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_DEFAULT_GET);
        kernel.Answer((_, seq) => [KernelMessages.Datagram(
            KernelMessages.Data(defaultGet, seq, flags: 0, family: 0, attributes:
            [
                KernelMessages.Attribute((ushort)CtattrTimeout.CTA_TIMEOUT_L3PROTO, 0, 2),
                KernelMessages.Attribute((ushort)CtattrTimeout.CTA_TIMEOUT_L4PROTO, 1),
                KernelMessages.Attribute((ushort)CtattrTimeout.CTA_TIMEOUT_DATA, KernelMessages.Attribute(1, KernelMessages.U32BigEndian(30))),
            ]),
            KernelMessages.Ack(seq))]);
        using var client = new TimeoutClient(() => kernel.Socket);

        TimeoutPolicy defaults = client.GetDefault(AddressFamilies.AF_INET, IpProtocols.IPPROTO_ICMP);

        FakeKernel.AssertRequest(
            """
            24000000 0408 0500 00000000 00000000  // IPCTNL_MSG_TIMEOUT_DEFAULT_GET, REQUEST|ACK
            00000000
            06000200 00020000                     // CTA_TIMEOUT_L3PROTO AF_INET
            05000300 01000000                     // CTA_TIMEOUT_L4PROTO icmp
            """,
            kernel.Sent[0]);
        Assert.Null(defaults.Name);
        Assert.Equal(30u, defaults.Timeouts[1]);
    }

    [Fact]
    public void APolicyInUseIsNotDeleted()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.EBUSY)]);
        using var client = new TimeoutClient(() => kernel.Socket);

        var refused = Assert.Throws<NetlinkException>(() => client.Delete("in-use"));
        Assert.Equal((int)Errno.EBUSY, refused.Errno);
    }

    [Fact]
    public void ANameLongerThanTheKernelKeepsIsRefusedBeforeSending()
    {
        var kernel = Acking();
        using var client = new TimeoutClient(() => kernel.Socket);

        Assert.Throws<ArgumentException>(() => client.Delete(new string('x', TimeoutClient.MaxNameBytes + 1)));
        client.Delete(new string('x', TimeoutClient.MaxNameBytes));
        Assert.Single(kernel.Sent);
    }

    private static FakeKernel Acking()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        return kernel;
    }
}
