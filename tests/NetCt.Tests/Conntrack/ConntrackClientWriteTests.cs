using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>Create, Add, Update, Delete, Flush and the pipelined batches against a scripted kernel.</summary>
public sealed class ConntrackClientWriteTests
{
    private const string UdpNewBody = """
        02000000                              // nfgenmsg: AF_INET
        34000180                              // CTA_TUPLE_ORIG
          14000180                            //   CTA_TUPLE_IP
            08000100 c0000201                 //     CTA_IP_V4_SRC 192.0.2.1
            08000200 c6336402                 //     CTA_IP_V4_DST 198.51.100.2
          1c000280                            //   CTA_TUPLE_PROTO
            05000100 11000000                 //     CTA_PROTO_NUM 17
            06000200 14e90000                 //     CTA_PROTO_SRC_PORT 5353
            06000300 00350000                 //     CTA_PROTO_DST_PORT 53
        34000280                              // CTA_TUPLE_REPLY
          14000180                            //   CTA_TUPLE_IP
            08000100 c6336402                 //     CTA_IP_V4_SRC 198.51.100.2
            08000200 c0000201                 //     CTA_IP_V4_DST 192.0.2.1
          1c000280                            //   CTA_TUPLE_PROTO
            05000100 11000000                 //     CTA_PROTO_NUM 17
            06000200 00350000                 //     CTA_PROTO_SRC_PORT 53
            06000300 14e90000                 //     CTA_PROTO_DST_PORT 5353
        08000300 0000000c                     // CTA_STATUS ASSURED | CONFIRMED
        08000700 0000001e                     // CTA_TIMEOUT 30
        08000800 00000001                     // CTA_MARK 1
        """;

    [Theory]
    [InlineData("create", "05060000")]
    [InlineData("add", "05040000")]
    [InlineData("update", "05000000")]
    public void NewRequestsDifferOnlyInTheirFlags(string operation, string flagsAndPadding)
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using ConntrackClient client = kernel.Client();
        Flow flow = UdpFlow();

        Action<Flow> run = operation switch
        {
            "create" => client.Create,
            "add" => client.Add,
            _ => client.Update,
        };
        run(flow);

        // nlmsghdr: len 148, IPCTNL_MSG_CT_NEW, NLM_F_REQUEST | NLM_F_ACK (+ NLM_F_CREATE (+ NLM_F_EXCL)).
        FakeKernel.AssertRequest($"94000000 0001{flagsAndPadding[..4]} 00000000 00000000\n{UdpNewBody}", kernel.Sent[0]);
    }

    [Fact]
    public void CreateOfAnExistingEntryThrowsEexist()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.EEXIST)]);
        using ConntrackClient client = kernel.Client();

        Assert.Equal((int)Errno.EEXIST, Assert.Throws<NetlinkException>(() => client.Create(UdpFlow())).Errno);
    }

    [Fact]
    public void DeleteSendsTheTupleAndTheId()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using ConntrackClient client = kernel.Client();
        var flow = new Flow
        {
            Family = IpFamily.IPv6,
            Original = new FlowTuple { Source = IPAddress.Parse("2001:db8::1"), Destination = IPAddress.Parse("2001:db8::2"), Protocol = 58, IcmpType = 128, IcmpCode = 0, IcmpId = 99 },
            Id = 74000458,
            Zone = 5,
        };

        client.Delete(flow);

        FakeKernel.AssertRequest("""
            78000000 02010500 00000000 00000000   // nlmsghdr: len 120, IPCTNL_MSG_CT_DELETE, NLM_F_REQUEST | NLM_F_ACK
            0a000000                              // nfgenmsg: AF_INET6
            54000180                              // CTA_TUPLE_ORIG
              2c000180                            //   CTA_TUPLE_IP
                14000300 20010db8 00000000 00000000 00000001   // CTA_IP_V6_SRC 2001:db8::1
                14000400 20010db8 00000000 00000000 00000002   // CTA_IP_V6_DST 2001:db8::2
              24000280                            //   CTA_TUPLE_PROTO
                05000100 3a000000                 //     CTA_PROTO_NUM 58
                06000700 00630000                 //     CTA_PROTO_ICMPV6_ID 99
                05000800 80000000                 //     CTA_PROTO_ICMPV6_TYPE 128
                05000900 00000000                 //     CTA_PROTO_ICMPV6_CODE 0
            06001200 00050000                     // CTA_ZONE 5
            08000c00 0469284a                     // CTA_ID 74000458
            """, kernel.Sent[0]);
    }

    [Fact]
    public void DeleteOfAMissingEntryThrowsEnoent()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.ENOENT)]);
        using ConntrackClient client = kernel.Client();

        Assert.Equal((int)Errno.ENOENT, Assert.Throws<NetlinkException>(() => client.Delete(UdpFlow())).Errno);
    }

    [Fact]
    public void FlushOfOneFamilySendsNfgenmsgVersion1()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using ConntrackClient client = kernel.Client();

        client.Flush(IpFamily.IPv6);

        FakeKernel.AssertRequest("""
            14000000 02010500 00000000 00000000   // nlmsghdr: len 20, IPCTNL_MSG_CT_DELETE, NLM_F_REQUEST | NLM_F_ACK
            0a010000                              // nfgenmsg: AF_INET6, version 1 (so the kernel honours the family)
            """, kernel.Sent[0]);
    }

    [Fact]
    public void FlushByMarkIsDoneByTheKernel()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using ConntrackClient client = kernel.Client();

        client.Flush(filter: new FlowFilter { Family = IpFamily.IPv4, Mark = 0x10, MarkMask = 0xf0 });

        FakeKernel.AssertRequest("""
            24000000 02010500 00000000 00000000   // nlmsghdr: len 36, IPCTNL_MSG_CT_DELETE, NLM_F_REQUEST | NLM_F_ACK
            02010000                              // nfgenmsg: AF_INET, version 1
            08000800 00000010                     // CTA_MARK 0x10
            08001500 000000f0                     // CTA_MARK_MASK 0xf0
            """, Assert.Single(kernel.Sent));
    }

    [Fact]
    public void FlushByOtherCriteriaDeletesWhatADumpMatches()
    {
        var kernel = new FakeKernel();
        kernel.Answer((index, seq) => index == 0
            ? [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.SctpWithVerificationTags, CapturedMessages.GreKeys)]
            : [Acks(kernel.Sent[index], 0)]);
        using ConntrackClient client = kernel.Client();

        client.Flush(filter: new FlowFilter { Original = new FlowTuple { Protocol = 132 } });

        Assert.Equal(2, kernel.Sent.Count);
        FakeKernel.AssertRequest("14000000 01010103 00000000 00000000 00000000", kernel.Sent[0]);
        Flow deleted = FlowDecoder.Decode(new NetlinkMessage(kernel.Sent[1]));
        Assert.Equal(573083021u, deleted.Id);
        Assert.Equal((byte)132, deleted.Original?.Protocol);
    }

    [Fact]
    public void FlushByOtherCriteriaReportsARefusedDeletionButNotAVanishedEntry()
    {
        var kernel = new FakeKernel();
        kernel.Answer((index, seq) => index == 0
            ? [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.GreKeys, CapturedMessages.IcmpEcho)]
            : [Acks(kernel.Sent[index], (int)Errno.ENOENT, (int)Errno.EBUSY, 0)]);
        using ConntrackClient client = kernel.Client();

        var e = Assert.Throws<NetlinkException>(() => client.Flush(filter: new FlowFilter { Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1") } }));

        Assert.Equal((int)Errno.EBUSY, e.Errno);
    }

    [Fact]
    public void DeleteManyCountsVanishedEntriesApart()
    {
        var kernel = new FakeKernel();
        kernel.Answer((index, _) => [Acks(kernel.Sent[index], 0, (int)Errno.ENOENT, (int)Errno.EBUSY, 0)]);
        using ConntrackClient client = kernel.Client();

        BatchResult result = client.DeleteMany([UdpFlow(), UdpFlow(), UdpFlow(), UdpFlow()]);

        Assert.Equal(2, result.Succeeded);
        Assert.Equal(1, result.Vanished);
        BatchItemError error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Index);
        Assert.Equal("EBUSY", error.ErrnoName);
        Assert.Equal(4, result.Total);
        Assert.Single(kernel.Sent);
        Assert.Equal(4, CountMessages(kernel.Sent[0]));
    }

    [Fact]
    public void UpdateManyStreamsFromARunningDump()
    {
        var kernel = new FakeKernel();
        kernel.Answer((index, seq) => index == 0
            ? [FakeKernel.DumpReply(seq, 0, CapturedMessages.Udp, CapturedMessages.GreKeys)]
            : [Acks(kernel.Sent[index], 0, 0)]);
        using ConntrackClient client = kernel.Client();

        BatchResult result = client.UpdateMany(client.Dump().Select(f => new Flow { Family = f.Family, Original = f.Original, Mark = 9 }));

        Assert.Equal(2, result.Succeeded);
        Assert.Equal(0x0100, BitConverter.ToUInt16(kernel.Sent[1], 4));
        // Pipelined without NLM_F_ACK: a request the kernel does not refuse succeeded.
        Assert.Equal(NetlinkMessageFlags.NLM_F_REQUEST, (NetlinkMessageFlags)BitConverter.ToUInt16(kernel.Sent[1], 6));
    }

    [Fact]
    public void AnEmptyBatchSendsNothing()
    {
        var kernel = new FakeKernel();
        using ConntrackClient client = kernel.Client();

        BatchResult result = client.DeleteMany([]);

        Assert.Equal(0, result.Total);
        Assert.Empty(kernel.Sent);
    }

    private static Flow UdpFlow() => new()
    {
        Original = FlowCodecRoundTripTests.Tuple("192.0.2.1", "198.51.100.2", 17, 5353, 53),
        Reply = FlowCodecRoundTripTests.Tuple("198.51.100.2", "192.0.2.1", 17, 53, 5353),
        Status = FlowStatus.Assured,
        Timeout = 30,
        Mark = 1,
    };

    /// <summary>One acknowledgement per request of a batch datagram, with the given errnos in order.</summary>
    private static byte[] Acks(byte[] datagram, params int[] errnos)
    {
        var acks = new List<byte[]>();
        var reader = new NetlinkMessageReader(datagram);
        for (int i = 0; reader.Next(); i++)
        {
            acks.Add(KernelMessages.Ack(reader.Current.Sequence, errnos[i]));
        }

        return KernelMessages.Datagram([.. acks]);
    }

    private static int CountMessages(byte[] datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        int count = 0;
        while (reader.Next())
        {
            count++;
        }

        return count;
    }
}
