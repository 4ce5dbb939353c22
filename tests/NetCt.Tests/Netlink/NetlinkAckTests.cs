using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class NetlinkAckTests
{
    [Fact]
    public void SuccessAck()
    {
        NetlinkAck ack = NetlinkAck.Parse(new NetlinkMessage(Ack(7)), index: 3);

        Assert.True(ack.IsSuccess);
        Assert.Equal(0, ack.Errno);
        Assert.Equal(7u, ack.Sequence);
        Assert.Equal(3, ack.Index);
        Assert.Null(ack.ExtendedAckMessage);
        ack.ThrowIfFailed();
    }

    [Fact]
    public void CappedErrorWithExtendedAckTlvs()
    {
        NetlinkAck ack = NetlinkAck.Parse(new NetlinkMessage(Ack(7, (int)Errno.EINVAL, "missing tuple", offset: 20)));

        Assert.False(ack.IsSuccess);
        Assert.Equal(22, ack.Errno);
        Assert.Equal("EINVAL", ack.ErrnoName);
        Assert.Equal("missing tuple", ack.ExtendedAckMessage);
        Assert.Equal(20u, ack.ErrorOffset);
        NetlinkException exception = Assert.Throws<NetlinkException>(ack.ThrowIfFailed);
        Assert.Equal(22, exception.Errno);
        Assert.Equal("EINVAL", exception.ErrnoName);
        Assert.Equal("missing tuple", exception.ExtendedAckMessage);
        Assert.Equal(20u, exception.ErrorOffset);
        Assert.Equal("netlink request failed: EINVAL (22): missing tuple", exception.Message);
    }

    [Fact]
    public void UncappedErrorSkipsTheEchoedRequestBeforeTheTlvs()
    {
        // A request whose payload looks like an NLMSGERR_ATTR_MSG: only correct skipping finds the real one.
        byte[] request = Message(0x0100, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK, 9, 0,
            [2, 0, 0, 0, .. Attribute((ushort)NlmsgerrAttrs.NLMSGERR_ATTR_MSG, (byte)'n', (byte)'o', 0)]);
        byte[] reply = Ack(9, (int)Errno.EEXIST, "exists", capped: false, request: request);

        NetlinkAck ack = NetlinkAck.Parse(new NetlinkMessage(reply));

        Assert.Equal((int)Errno.EEXIST, ack.Errno);
        Assert.Equal("exists", ack.ExtendedAckMessage);
    }

    [Fact]
    public void UncappedErrorWithoutTlvs()
    {
        byte[] request = Message(0x0100, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK, 9, 0, [2, 0, 0, 0, 1, 2, 3, 4]);
        NetlinkAck ack = NetlinkAck.Parse(new NetlinkMessage(Ack(9, (int)Errno.ENOENT, capped: false, request: request)));

        Assert.Equal((int)Errno.ENOENT, ack.Errno);
        Assert.Null(ack.ExtendedAckMessage);
        Assert.Null(ack.ErrorOffset);
    }

    [Fact]
    public void MalformedTlvsDoNotHideTheErrno()
    {
        byte[] reply = Ack(4, (int)Errno.EPERM, "x");
        reply[36] = 200;   // nla_len of the first TLV now runs past the end

        NetlinkAck ack = NetlinkAck.Parse(new NetlinkMessage(reply));

        Assert.Equal((int)Errno.EPERM, ack.Errno);
        Assert.Null(ack.ExtendedAckMessage);
    }

    [Fact]
    public void TooShortOrWrongTypeIsADecodeError()
    {
        Assert.Throws<NetlinkDecodeException>(() => NetlinkAck.Parse(new NetlinkMessage(Message(NetlinkMessageTypes.NLMSG_ERROR, 0, 1, 0, [1, 0]))));
        Assert.Throws<NetlinkDecodeException>(() => NetlinkAck.Parse(new NetlinkMessage(Done(1))));
    }

    [Fact]
    public void DoneCarriesTheDumpStatus()
    {
        NetlinkAck ok = NetlinkAck.ParseDone(new NetlinkMessage(Done(3)));
        NetlinkAck failed = NetlinkAck.ParseDone(new NetlinkMessage(Done(3, (int)Errno.EINVAL, "bad filter")));
        NetlinkAck empty = NetlinkAck.ParseDone(new NetlinkMessage(Message(NetlinkMessageTypes.NLMSG_DONE, NetlinkMessageFlags.NLM_F_MULTI, 3, 0, [])));

        Assert.True(ok.IsSuccess);
        Assert.Equal((int)Errno.EINVAL, failed.Errno);
        Assert.Equal("bad filter", failed.ExtendedAckMessage);
        Assert.True(empty.IsSuccess);
    }

    [Fact]
    public void UnknownErrnoGetsANumericName()
    {
        Assert.Equal("ENOENT", ErrnoNames.Get(2));
        Assert.Equal("errno 4095", ErrnoNames.Get(4095));
        Assert.Equal("netlink recvfrom: ENOBUFS (105)", new NetlinkException(105, operation: "recvfrom").Message);
    }
}
