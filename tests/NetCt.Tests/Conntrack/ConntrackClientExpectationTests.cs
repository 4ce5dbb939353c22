using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>The expectation requests against a scripted kernel: exact bytes (conntrack's where it sends the same), decoded replies.</summary>
public sealed class ConntrackClientExpectationTests
{
    [Fact]
    public void DumpSendsTheFamilyAndStreamsEveryExpectation()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [FakeKernel.DumpReply(seq, 0, CapturedExpectations.FtpBehindNat, CapturedExpectations.Tftp)]);
        using ConntrackClient client = kernel.Client();

        List<Expectation> expectations = [.. client.DumpExpectations(IpFamily.IPv4)];

        FakeKernel.AssertRequest("""
            14000000 01020103 00000000 00000000   // nlmsghdr: len 20, IPCTNL_MSG_EXP_GET (subsys 2), NLM_F_REQUEST | NLM_F_DUMP
            02000000                              // nfgenmsg: AF_INET, as conntrack -L expect sends it
            """, Assert.Single(kernel.Sent));
        Assert.Equal(["ftp", "tftp"], expectations.Select(e => e.Helper));
    }

    // conntrack's request for the same command line is in CapturedExpectations.CreateRequest.
    [Fact]
    public void CreateSendsWhatConntrackSends()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using ConntrackClient client = kernel.Client();

        client.CreateExpectation(new Expectation
        {
            Family = IpFamily.IPv4,
            Master = Tuple("127.0.0.1", "127.0.0.1", 17, 40069, 69),
            Tuple = Tuple("192.0.2.2", "198.51.100.1", 17, 7, 5002),
            Mask = Tuple("255.255.255.0", "255.255.255.0", 17, 0, 65535),
            Timeout = 200,
        });

        FakeKernel.AssertRequest(CapturedExpectations.CreateRequest, Assert.Single(kernel.Sent));
    }

    [Fact]
    public void GetSendsTheExpectedTupleAndDecodesTheReply()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Datagram(FakeKernel.Reply(CapturedExpectations.Tftp, seq)), KernelMessages.Datagram(KernelMessages.Ack(seq))]);
        using ConntrackClient client = kernel.Client();

        Expectation? found = client.GetExpectation(new Expectation { Tuple = Tuple("127.0.0.1", "127.0.0.1", 17, 0, 40069) });

        FakeKernel.AssertRequest(LookupRequest("01"), Assert.Single(kernel.Sent));
        Assert.NotNull(found);
        Assert.Equal("tftp", found.Helper);
    }

    [Fact]
    public void GetReturnsNullForEnoent()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.ENOENT)]);
        using ConntrackClient client = kernel.Client();

        Assert.Null(client.GetExpectation(new Expectation { Tuple = Tuple("127.0.0.1", "127.0.0.1", 17, 0, 40069) }));
    }

    [Fact]
    public void DeleteSendsTheExpectedTupleAndReportsEnoent()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq, (int)Errno.ENOENT)]);
        using ConntrackClient client = kernel.Client();

        var e = Assert.Throws<NetlinkException>(() => client.DeleteExpectation(new Expectation { Tuple = Tuple("127.0.0.1", "127.0.0.1", 17, 0, 40069) }));

        Assert.Equal((int)Errno.ENOENT, e.Errno);
        FakeKernel.AssertRequest(LookupRequest("02"), Assert.Single(kernel.Sent));
    }

    [Fact]
    public void FlushSendsADeleteWithoutTuple()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using ConntrackClient client = kernel.Client();

        client.FlushExpectations();

        FakeKernel.AssertRequest("""
            14000000 02020500 00000000 00000000   // nlmsghdr: len 20, IPCTNL_MSG_EXP_DELETE, NLM_F_REQUEST | NLM_F_ACK
            02000000                              // nfgenmsg: AF_INET, as conntrack -F expect sends it
            """, Assert.Single(kernel.Sent));
    }

    [Fact]
    public void StatisticsAskTheExpectationSubsystem()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Done(seq)]);
        using ConntrackClient client = kernel.Client();

        Assert.Empty(client.GetExpectationCpuStatistics());

        FakeKernel.AssertRequest("""
            14000000 03020103 00000000 00000000   // nlmsghdr: len 20, IPCTNL_MSG_EXP_GET_STATS_CPU, NLM_F_REQUEST | NLM_F_DUMP
            00000000                              // nfgenmsg: AF_UNSPEC
            """, Assert.Single(kernel.Sent));
    }

    // The request of conntrack -G/-D expect -s 127.0.0.1 -d 127.0.0.1 -p udp --sport 0 --dport 40069,
    // except that conntrack puts the tuple of -G in CTA_EXPECT_MASTER (the kernel reads either).
    private static string LookupRequest(string messageType) => $$"""
        48000000 {{messageType}}020500 00000000 00000000   // nlmsghdr: len 72, IPCTNL_MSG_EXP_GET or _DELETE, NLM_F_REQUEST | NLM_F_ACK
        02000000                              // nfgenmsg: AF_INET
        34000280                              // CTA_EXPECT_TUPLE (nested, 52 bytes)
          14000180                            // CTA_TUPLE_IP (nested, 20 bytes)
            08000100 7f000001                 // CTA_IP_V4_SRC = 127.0.0.1
            08000200 7f000001                 // CTA_IP_V4_DST = 127.0.0.1
          1c000280                            // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100 11000000                 // CTA_PROTO_NUM = 17
            06000200 00000000                 // CTA_PROTO_SRC_PORT = 0
            06000300 9c850000                 // CTA_PROTO_DST_PORT = 40069
        """;

    private static FlowTuple Tuple(string source, string destination, byte protocol, ushort sourcePort, ushort destinationPort) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        Protocol = protocol,
        SourcePort = sourcePort,
        DestinationPort = destinationPort,
    };
}
