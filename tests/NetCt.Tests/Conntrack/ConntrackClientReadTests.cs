using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>Dump, Get, Count and per-CPU statistics against a scripted kernel: exact requests, decoded replies.</summary>
public sealed class ConntrackClientReadTests
{
    private const string PlainDump = """
        14000000 01010103 00000000 00000000   // nlmsghdr: len 20, IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_DUMP, seq, pid 0
        00000000                              // nfgenmsg: AF_UNSPEC, v0, res_id 0
        """;

    [Fact]
    public void DumpStreamsEveryEntry()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.IcmpEcho, CapturedMessages.GreKeys)]);
        using ConntrackClient client = kernel.Client();

        List<Flow> flows = [.. client.Dump()];

        FakeKernel.AssertRequest(PlainDump, Assert.Single(kernel.Sent));
        Assert.Equal([524071917u, 238875614u, 1591935122u], flows.Select(f => f.Id!.Value));
        Assert.False(client.LastDumpInterrupted);
    }

    [Fact]
    public void DumpStopsWhenCancelled()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.IcmpEcho, CapturedMessages.GreKeys)]);
        using ConntrackClient client = kernel.Client();
        using var cancellation = new CancellationTokenSource();

        var seen = new List<uint>();
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (Flow flow in client.Dump(cancellationToken: cancellation.Token))
            {
                seen.Add(flow.Id!.Value);
                cancellation.Cancel();
            }
        });

        Assert.Equal([524071917u], seen);
    }

    [Fact]
    public void DumpDoesNotStartBeforeEnumeration()
    {
        var kernel = new FakeKernel();
        using ConntrackClient client = kernel.Client();

        IEnumerable<Flow> flows = client.Dump();

        Assert.Empty(kernel.Sent);
        Assert.NotNull(flows);
    }

    [Fact]
    public void DumpReadsOnlyAFewDatagramsAhead()
    {
        const int Datagrams = ConntrackClient.DumpReadAheadDatagrams + 20;
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) =>
        [
            .. Enumerable.Repeat(KernelMessages.Datagram(FakeKernel.Reply(CapturedMessages.Udp, seq)), Datagrams - 1),
            FakeKernel.DumpReply(seq, 0, CapturedMessages.IcmpEcho),
        ]);
        using ConntrackClient client = kernel.Client();

        using IEnumerator<Flow> entries = client.Dump().GetEnumerator();
        Assert.True(entries.MoveNext());

        // A few datagrams are read ahead on another thread; the rest stay queued in the socket.
        Thread.Sleep(100);
        Assert.InRange(kernel.Socket.QueuedReplies, Datagrams - 1 - ConntrackClient.DumpReadAheadDatagrams, Datagrams - 1);
        int count = 1;
        while (entries.MoveNext())
        {
            count++;
        }

        Assert.Equal(Datagrams, count);
    }

    [Fact]
    public void AnAbandonedDumpClosesItsSocketInsteadOfReadingTheRest()
    {
        // More datagrams than the read-ahead takes, so that some are still queued when the dump is abandoned.
        const int Datagrams = ConntrackClient.DumpReadAheadDatagrams + 20;
        var sockets = new List<FakeNetlinkSocket>();
        using var client = new ConntrackClient(() =>
        {
            var socket = new FakeNetlinkSocket();
            socket.Responder = request =>
            [
                .. Enumerable.Repeat(
                    FakeNetlinkSocket.Reply.Datagram(KernelMessages.Datagram(FakeKernel.Reply(CapturedMessages.Udp, FakeKernel.SequenceOf(request)))),
                    Datagrams - 1),
                FakeNetlinkSocket.Reply.Datagram(FakeKernel.DumpReply(FakeKernel.SequenceOf(request), 0, CapturedMessages.IcmpEcho)),
            ];
            sockets.Add(socket);
            return socket;
        });

        Assert.Equal(524071917u, client.Dump().First().Id);
        Assert.True(sockets[0].Disposed);
        Assert.InRange(sockets[0].QueuedReplies, Datagrams - 1 - ConntrackClient.DumpReadAheadDatagrams, Datagrams - 1);

        Assert.Equal(Datagrams, client.Dump().Count());
        Assert.Equal(2, sockets.Count);
        Assert.False(sockets[1].Disposed);
    }

    [Fact]
    public void DumpMessagesHandsOverEveryEntryUndecodedInOrder()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, NetlinkMessageFlags.NLM_F_DUMP_INTR, CapturedMessages.Udp, CapturedMessages.IcmpEcho, CapturedMessages.GreKeys)]);
        using ConntrackClient client = kernel.Client();
        var ids = new List<uint?>();

        client.DumpMessages((ref DumpedEntry entry) => ids.Add(entry.HasView ? entry.View.Id : null));

        FakeKernel.AssertRequest(PlainDump, Assert.Single(kernel.Sent));
        Assert.Equal([524071917u, 238875614u, 1591935122u], ids);
        Assert.True(client.LastDumpInterrupted);
    }

    [Fact]
    public void DumpMessagesUsesTheTableAndZeroingMessageTypes()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Done(seq)]);
        using ConntrackClient client = kernel.Client();

        client.DumpMessages((ref DumpedEntry _) => Assert.Fail("no entry was sent"), table: ConntrackTable.Conntrack, zeroCounters: true);
        client.DumpMessages((ref DumpedEntry _) => Assert.Fail("no entry was sent"), table: ConntrackTable.Dying);

        FakeKernel.AssertRequest("14000000 03010103 00000000 00000000 00000000", kernel.Sent[0]);
        FakeKernel.AssertRequest("14000000 06010103 00000000 00000000 00000000", kernel.Sent[1]);
        Assert.Throws<ArgumentException>(() => client.DumpMessages((ref DumpedEntry _) => { }, table: ConntrackTable.Unconfirmed, zeroCounters: true));
    }

    [Fact]
    public void DumpMessagesSendsTheKernelFiltersAndChecksEachEntryInPlace()
    {
        var kernel = new FakeKernel();

        // A kernel that ignores the filter: each entry is checked again before the handler sees it.
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.TcpEstablishedAssuredMarked, CapturedMessages.IcmpEcho)]);
        using ConntrackClient client = kernel.Client();
        var ids = new List<uint?>();

        client.DumpMessages((ref DumpedEntry entry) => ids.Add(entry.HasView ? entry.View.Id : null), new FlowFilter { Mark = 7 });

        Assert.Equal([3656992300u], ids);
        FakeKernel.AssertRequest("""
            24000000 01010103 00000000 00000000   // nlmsghdr: len 36, IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_DUMP
            00000000                              // nfgenmsg: AF_UNSPEC
            08000800 00000007                     // CTA_MARK 7
            08001500 ffffffff                     // CTA_MARK_MASK
            """, Assert.Single(kernel.Sent));
    }

    [Fact]
    public void DumpMessagesWithAFilterReportsAnEntryThatDoesNotDecode()
    {
        // The view declines an entry whose attribute runs past its end; the filter then judges the
        // decoded entry, and the decoder says what is wrong with it.
        byte[] broken = [.. CapturedMessages.Udp];
        broken[NetlinkMessageHeader.Size + NfGenMessage.Size] = 0xff;
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, broken)]);
        using ConntrackClient client = kernel.Client();

        // Without a filter the message is handed over as it came.
        int count = 0;
        client.DumpMessages((ref DumpedEntry _) => count++);
        Assert.Equal(1, count);

        Assert.Throws<NetlinkDecodeException>(() => client.DumpMessages((ref DumpedEntry _) => Assert.Fail("a broken entry was handed over"), new FlowFilter { Mark = 0 }));
    }

    [Fact]
    public void AHandlerThatThrowsEndsTheDumpAndTheNextOneStartsAfresh()
    {
        var sockets = new List<FakeNetlinkSocket>();
        using var client = new ConntrackClient(() =>
        {
            var socket = new FakeNetlinkSocket();
            socket.Responder = request =>
                [FakeNetlinkSocket.Reply.Datagram(FakeKernel.DumpReply(FakeKernel.SequenceOf(request), 0, CapturedMessages.Udp, CapturedMessages.IcmpEcho))];
            sockets.Add(socket);
            return socket;
        });

        Assert.Throws<IOException>(() => client.DumpMessages((ref DumpedEntry _) => throw new IOException("stdout closed")));
        Assert.True(sockets[0].Disposed);

        int count = 0;
        client.DumpMessages((ref DumpedEntry _) => count++);
        Assert.Equal(2, count);
        Assert.Equal(2, sockets.Count);
        Assert.False(sockets[1].Disposed);
    }

    [Fact]
    public void DumpReportsInterruption()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, NetlinkMessageFlags.NLM_F_DUMP_INTR, CapturedMessages.Udp)]);
        using ConntrackClient client = kernel.Client();

        Assert.Single(client.Dump());

        Assert.True(client.LastDumpInterrupted);
    }

    [Theory]
    [InlineData(ConntrackTable.Conntrack, true, "03")]
    [InlineData(ConntrackTable.Dying, false, "06")]
    [InlineData(ConntrackTable.Unconfirmed, false, "07")]
    public void TablesAndZeroingUseTheirMessageTypes(ConntrackTable table, bool zero, string messageType)
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Done(seq)]);
        using ConntrackClient client = kernel.Client();

        Assert.Empty(client.Dump(table: table, zeroCounters: zero));

        FakeKernel.AssertRequest($"14000000 {messageType}010103 00000000 00000000 00000000", kernel.Sent[0]);
    }

    [Fact]
    public void ZeroingIsOnlyForTheConntrackTable()
    {
        using ConntrackClient client = new FakeKernel().Client();

        Assert.Throws<ArgumentException>(() => client.Dump(table: ConntrackTable.Dying, zeroCounters: true));
    }

    [Fact]
    public void DumpFiltersInUserspaceWhatTheKernelLetThrough()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.TcpEstablishedAssuredMarked, CapturedMessages.IcmpEcho)]);
        using ConntrackClient client = kernel.Client();

        Flow flow = Assert.Single(client.Dump(new FlowFilter { Mark = 7 }));

        Assert.Equal(3656992300u, flow.Id);
    }

    [Fact]
    public void DumpSendsTheKernelFiltersAndStillFiltersInUserspace()
    {
        var kernel = new FakeKernel();

        // A kernel that ignores the filters: userspace must still apply them.
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.TcpEstablishedAssuredMarked, CapturedMessages.IcmpEcho)]);
        using ConntrackClient client = kernel.Client();
        var filter = new FlowFilter
        {
            Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1"), Protocol = 6, DestinationPort = 80 },
            Mark = 7,
            MarkMask = 0xff,
            Status = FlowStatus.Assured,
            StatusMask = FlowStatus.Assured | FlowStatus.SeenReply,
            Zone = 5,
        };

        List<Flow> flows = [.. client.Dump(filter)];

        // None of the replies is in zone 5 (the TCP one matches everything else).
        Assert.Empty(flows);
        FakeKernel.AssertRequest("""
            74000000 01010103 00000000 00000000   // nlmsghdr: len 116, IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_DUMP
            02000000                              // nfgenmsg: AF_INET (implied by the address)
            08000800 00000007                     // CTA_MARK 7
            08001500 000000ff                     // CTA_MARK_MASK 0xff
            24000180                              // CTA_TUPLE_ORIG
              0c000180                            //   CTA_TUPLE_IP
                08000100 c0000201                 //     CTA_IP_V4_SRC 192.0.2.1
              14000280                            //   CTA_TUPLE_PROTO
                05000100 06000000                 //     CTA_PROTO_NUM 6
                06000300 00500000                 //     CTA_PROTO_DST_PORT 80
            14001980                              // CTA_FILTER
              08000100 29000000                   //   CTA_FILTER_ORIG_FLAGS, host-endian: IP_SRC | PROTO_NUM | DST_PORT
              08000200 00000000                   //   CTA_FILTER_REPLY_FLAGS 0
            08000300 00000004                     // CTA_STATUS ASSURED
            08001a00 00000006                     // CTA_STATUS_MASK ASSURED | SEEN_REPLY
            06001200 00050000                     // CTA_ZONE 5
            """, kernel.Sent[0]);
    }

    [Fact]
    public void RefusedFiltersAreRetriedWithoutTheNewestKernelFeature()
    {
        var kernel = new FakeKernel();
        kernel.Answer((index, seq) => index switch
        {
            0 => [KernelMessages.Ack(seq, (int)Errno.EINVAL, "unknown attribute")],
            1 => [KernelMessages.Ack(seq, (int)Errno.EOPNOTSUPP)],
            _ => [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.Ipv6TcpZone5)],
        });
        using ConntrackClient client = kernel.Client();
        var filter = new FlowFilter { Mark = 0, Status = FlowStatus.Confirmed, StatusMask = FlowStatus.Confirmed, Zone = 5 };

        Flow flow = Assert.Single(client.Dump(filter));

        Assert.Equal(146340451u, flow.Id);
        Assert.Equal(3, kernel.Sent.Count);
        Assert.Contains("06001200", Convert.ToHexString(kernel.Sent[0]), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("06001200", Convert.ToHexString(kernel.Sent[1]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("08001A00", Convert.ToHexString(kernel.Sent[1]), StringComparison.Ordinal);
        FakeKernel.AssertRequest("""
            24000000 01010103 00000000 00000000   // nlmsghdr: len 36: the mark survives, status and zone are userspace only
            00000000                              // nfgenmsg: AF_UNSPEC
            08000800 00000000                     // CTA_MARK 0
            08001500 ffffffff                     // CTA_MARK_MASK
            """, kernel.Sent[2]);
    }

    [Fact]
    public void AFamilyOnlyDumpThatFailsThrows()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.EINVAL)]);
        using ConntrackClient client = kernel.Client();

        var e = Assert.Throws<NetlinkException>(() => client.Dump(new FlowFilter { Family = IpFamily.IPv4 }).ToList());

        Assert.Equal((int)Errno.EINVAL, e.Errno);
        Assert.Single(kernel.Sent);
    }

    [Fact]
    public void GetSendsTheTupleAndDecodesTheReply()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Datagram(FakeKernel.Reply(CapturedMessages.SourceNat, seq), KernelMessages.Ack(seq))]);
        using ConntrackClient client = kernel.Client();

        Flow? flow = client.Get(new Flow { Original = FlowCodecRoundTripTests.Tuple("192.0.2.7", "198.51.100.8", 6, 40000, 443), Zone = 0 });

        Assert.Equal(1065958425u, flow?.Id);
        FakeKernel.AssertRequest("""
            50000000 01010500 00000000 00000000   // nlmsghdr: len 80, IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_ACK
            02000000                              // nfgenmsg: AF_INET (from the tuple)
            34000180                              // CTA_TUPLE_ORIG
              14000180                            //   CTA_TUPLE_IP
                08000100 c0000207                 //     CTA_IP_V4_SRC 192.0.2.7
                08000200 c6336408                 //     CTA_IP_V4_DST 198.51.100.8
              1c000280                            //   CTA_TUPLE_PROTO
                05000100 06000000                 //     CTA_PROTO_NUM 6
                06000200 9c400000                 //     CTA_PROTO_SRC_PORT 40000
                06000300 01bb0000                 //     CTA_PROTO_DST_PORT 443
            06001200 00000000                     // CTA_ZONE 0
            """, kernel.Sent[0]);
    }

    [Fact]
    public void GetOfAMissingEntryIsNull()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.ENOENT)]);
        using ConntrackClient client = kernel.Client();

        Assert.Null(client.Get(new Flow { Original = FlowCodecRoundTripTests.Tuple("192.0.2.7", "198.51.100.8", 6, 1, 2) }));
    }

    [Fact]
    public void GetSurfacesOtherErrors()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.EPERM, "not allowed")]);
        using ConntrackClient client = kernel.Client();

        var e = Assert.Throws<NetlinkException>(() => client.Get(new Flow { Original = FlowCodecRoundTripTests.Tuple("192.0.2.7", "198.51.100.8", 6, 1, 2) }));

        Assert.Equal((int)Errno.EPERM, e.Errno);
        Assert.Equal("not allowed", e.ExtendedAckMessage);
    }

    [Fact]
    public void CountReadsTheGlobalStatistics()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Datagram(FakeKernel.Reply(CapturedMessages.GlobalStatistics, seq), KernelMessages.Ack(seq))]);
        using ConntrackClient client = kernel.Client();

        Assert.Equal(12u, client.Count());
        FakeKernel.AssertRequest("""
            14000000 05010500 00000000 00000000   // nlmsghdr: len 20, IPCTNL_MSG_CT_GET_STATS, NLM_F_REQUEST | NLM_F_ACK
            00000000                              // nfgenmsg: AF_UNSPEC
            """, kernel.Sent[0]);
    }

    [Fact]
    public void CountFailureIsANetlinkException()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.EOPNOTSUPP)]);
        using ConntrackClient client = kernel.Client();

        Assert.Equal((int)Errno.EOPNOTSUPP, Assert.Throws<NetlinkException>(() => client.Count()).Errno);
    }

    [Fact]
    public void CpuStatisticsKeepTheKernelsAttributesInOrder()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, CapturedMessages.CpuStatisticsCpu0, CapturedMessages.CpuStatisticsCpu1)]);
        using ConntrackClient client = kernel.Client();

        List<CpuStatistics> cpus = [.. client.GetCpuStatistics()];

        FakeKernel.AssertRequest("14000000 04010103 00000000 00000000 00000000", kernel.Sent[0]);
        Assert.Equal([(ushort)0, (ushort)1], cpus.Select(c => c.Cpu));
        Assert.Equal([2, 4, 8, 9, 10, 11, 12, 13, 14, 15], cpus[0].Counters.Select(c => (int)c.AttributeType));
        Assert.Equal(6u, cpus[0][(ushort)CtattrStatsCpu.CTA_STATS_INSERT]);
        Assert.Equal(4u, cpus[1][(ushort)CtattrStatsCpu.CTA_STATS_INSERT]);
        Assert.Equal(0u, cpus[1][(ushort)CtattrStatsCpu.CTA_STATS_CHAIN_TOOLONG]);
        Assert.Null(cpus[1][(ushort)CtattrStatsCpu.CTA_STATS_SEARCHED]);
    }

    [Fact]
    public void CpuStatisticsKeepAttributesNewerThanThisLibrary()
    {
        byte[] message = KernelMessages.Data(0x0104, 1, attributes:
        [
            KernelMessages.Attribute(15, KernelMessages.U32BigEndian(1)),
            KernelMessages.Attribute(16, KernelMessages.U32BigEndian(2)),
        ]);
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, message)]);
        using ConntrackClient client = kernel.Client();

        CpuStatistics cpu = Assert.Single(client.GetCpuStatistics());

        Assert.Equal([new CpuStatisticsCounter(15, 1), new CpuStatisticsCounter(16, 2)], cpu.Counters);
    }
}
