using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Tests.Netlink;

/// <summary>
/// Against the real kernel, with nothing that changes state: NLMSG_NOOP requests are acknowledged
/// by netlink itself (errno 0 with CAP_NET_ADMIN, EPERM from nfnetlink without), and the per-CPU
/// statistics dump only reads counters.
/// </summary>
public sealed class NetlinkSocketKernelTests
{
    [Fact]
    public void OpensABoundNetfilterSocket()
    {
        using NetlinkSocket first = NetlinkSocket.Open();
        using NetlinkSocket second = NetlinkSocket.Open();

        Assert.NotEqual(0u, first.PortId);
        Assert.NotEqual(first.PortId, second.PortId);
        Assert.True(first.ReceiveBufferSize > 0);
        Assert.False(first.WaitForReceive(0));
        Assert.Equal(-1, first.Receive(new byte[64], NetlinkReceiveFlags.DontWait, out _));
    }

    [Fact]
    public void ReceiveBufferCanBeEnlarged()
    {
        using NetlinkSocket socket = NetlinkSocket.Open();
        const int requested = 1 << 20;
        int rmemMax = int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);

        socket.SetReceiveBufferSize(requested);

        // SO_RCVBUFFORCE (CAP_NET_ADMIN) takes the request; SO_RCVBUF caps it at rmem_max. Either way doubled.
        Assert.Contains(socket.ReceiveBufferSize, new[] { 2 * requested, 2 * Math.Min(requested, rmemMax) });
    }

    [Fact]
    public void NoopRequestIsAcknowledgedWithItsSequence()
    {
        using NetlinkConnection connection = NetlinkConnection.Open();
        byte[] request = Noop(connection, out uint sequence);

        NetlinkAck ack = connection.Transact(request);

        Assert.Equal(sequence, ack.Sequence);
        Assert.Contains(ack.Errno, new[] { 0, (int)Errno.EPERM });
    }

    [Fact]
    public void BatchOfNoopsIsAcknowledgedPerRequest()
    {
        using NetlinkConnection connection = NetlinkConnection.Open();
        bool privileged = connection.Transact(Noop(connection, out _)).IsSuccess;
        var acks = new List<NetlinkAck>();
        using (NetlinkBatch batch = connection.StartBatch(acks.Add, maxRequests: 20))
        {
            for (int i = 0; i < 50; i++)
            {
                if (!batch.HasRoomFor())
                {
                    batch.Send();
                }

                NetlinkWriter writer = batch.BeginRequest(NetlinkMessageTypes.NLMSG_NOOP, NetlinkMessageFlags.NLM_F_ACK, AddressFamilies.AF_UNSPEC);
                writer.EndMessage();
            }

            batch.Send();
        }

        Assert.Equal(Enumerable.Range(0, 50), acks.Select(a => a.Index));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => acks[0].Sequence + (uint)i), acks.Select(a => a.Sequence));
        // Without CAP_NET_ADMIN nfnetlink refuses each datagram's first request and drops the rest.
        Assert.All(acks, a => Assert.Equal(privileged ? 0 : (int)Errno.EPERM, a.Errno));
    }

    [Fact]
    public void StatisticsDumpStreamsFromTheKernel()
    {
        using NetlinkConnection connection = NetlinkConnection.Open();
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK, (byte)CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS_CPU),
            NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_DUMP,
            connection.NextSequence(),
            AddressFamilies.AF_UNSPEC);
        writer.EndMessage();

        using NetlinkDump dump = connection.Dump(writer.WrittenSpan);
        int cpus = 0;
        try
        {
            while (dump.MoveNext())
            {
                NetlinkMessage message = dump.Current;
                Assert.Equal(0u, message.SenderPortId);
                Assert.Equal(connection.PortId, message.Header.PortId);
                AttributeReader reader = message.GetNfAttributes();
                while (reader.Next())
                {
                    if ((CtattrStatsCpu)reader.Type == CtattrStatsCpu.CTA_STATS_FOUND)
                    {
                        _ = reader.GetUInt32BigEndian();
                    }
                }

                cpus++;
            }

            Assert.InRange(cpus, 1, Environment.ProcessorCount * 64);
        }
        catch (NetlinkException e) when (e.Errno == (int)Errno.EPERM)
        {
            // Without CAP_NET_ADMIN the kernel refuses the dump; the refusal itself exercised the cursor.
            Assert.True(dump.IsCompleted);
        }
    }

    [Fact]
    public void SubscribingNeedsOnlyTheJoin()
    {
        using NetlinkConnection connection = NetlinkConnection.Open();
        try
        {
            using NetlinkSubscription subscription = connection.Subscribe((uint)NfnetlinkGroups.NFNLGRP_CONNTRACK_DESTROY);

            // The host may be tracking real traffic, so an event is as good as a timeout here.
            Assert.Contains(subscription.Receive(0), new[] { NetlinkReceiveResult.Timeout, NetlinkReceiveResult.Message });
        }
        catch (NetlinkException e) when (e.Errno == (int)Errno.EPERM)
        {
            Assert.Equal("setsockopt(NETLINK_ADD_MEMBERSHIP)", e.Operation);
        }
    }

    private static byte[] Noop(NetlinkConnection connection, out uint sequence)
    {
        using var writer = new NetlinkWriter();
        sequence = writer.BeginMessage(NetlinkMessageTypes.NLMSG_NOOP, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK, connection.NextSequence());
        writer.EndMessage();
        return writer.WrittenSpan.ToArray();
    }
}
