using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>ConntrackClient.Pipeline against a scripted kernel: datagrams, flags, answers and stopping.</summary>
public sealed class ConntrackClientPipelineTests
{
    private static Flow Udp(int i) => new()
    {
        Family = IpFamily.IPv4,
        Original = new FlowTuple { Source = IPAddress.Parse($"192.0.2.{i % 250 + 1}"), Destination = IPAddress.Parse("198.51.100.2"), Protocol = 17, SourcePort = (ushort)i, DestinationPort = 53 },
        Reply = new FlowTuple { Source = IPAddress.Parse("198.51.100.2"), Destination = IPAddress.Parse($"192.0.2.{i % 250 + 1}"), Protocol = 17, SourcePort = 53, DestinationPort = (ushort)i },
        Timeout = 30,
    };

    /// <summary>A client whose request socket answers each message with <paramref name="answer"/> (null: nothing).</summary>
    private static (ConntrackClient Client, FakeNetlinkSocket Socket) Kernel(Func<byte[], byte[]?> answer)
    {
        var socket = new FakeNetlinkSocket();
        socket.Responder = datagram =>
        {
            var answers = new List<FakeNetlinkSocket.Reply>();
            var reader = new NetlinkMessageReader(datagram);
            while (reader.Next())
            {
                if (answer(reader.Current.Bytes.ToArray()) is { } reply)
                    answers.Add(FakeNetlinkSocket.Reply.Datagram(reply));
            }
            return answers;
        };
        return (new ConntrackClient(() => socket), socket);
    }

    private static List<byte[]> Messages(byte[] datagram)
    {
        var messages = new List<byte[]>();
        var reader = new NetlinkMessageReader(datagram);
        while (reader.Next())
            messages.Add(reader.Current.Bytes.ToArray());
        return messages;
    }

    private static NetlinkMessageHeader Header(byte[] message) => NetlinkMessageHeader.Read(message);

    [Fact]
    public void RequestsGoInOneDatagramWithoutAcknowledgements()
    {
        var (client, socket) = Kernel(_ => null);
        FlowRequest[] requests =
        [
            new(FlowOperation.Create, Udp(1)), new(FlowOperation.Add, Udp(2)), new(FlowOperation.Update, Udp(3)),
            new(FlowOperation.Delete, Udp(4)), new(FlowOperation.Get, Udp(5)),
        ];
        var responses = new List<FlowResponse>();

        Assert.Throws<NetlinkDecodeException>(() => client.Pipeline(requests, response => { responses.Add(response); return true; }));

        var messages = Messages(Assert.Single(socket.Sent));
        const NetlinkMessageFlags Request = NetlinkMessageFlags.NLM_F_REQUEST;
        Assert.Equal(
            [
                (0x0100, Request | NetlinkMessageFlags.NLM_F_CREATE | NetlinkMessageFlags.NLM_F_EXCL),
                (0x0100, Request | NetlinkMessageFlags.NLM_F_CREATE),
                (0x0100, Request),
                (0x0102, Request),
                (0x0101, Request),
            ],
            messages.Select(m => ((int)Header(m).Type, Header(m).Flags)));
        // The GET got no entry: the kernel always answers one, so that is a decode error.
        Assert.Equal([0, 1, 2, 3], responses.Select(r => r.Index));
    }

    [Fact]
    public void AnswersAreReportedInRequestOrder()
    {
        var (client, _) = Kernel(message => (CntlMsgTypes)message[4] switch
        {
            CntlMsgTypes.IPCTNL_MSG_CT_GET => FakeKernel.Reply(CapturedMessages.Udp, Header(message).Sequence),
            _ when message.AsSpan().IndexOf(IPAddress.Parse("192.0.2.3").GetAddressBytes()) > 0
                => KernelMessages.Ack(Header(message).Sequence, (int)Errno.EEXIST),
            _ => null,
        });
        var responses = new List<FlowResponse>();

        client.Pipeline(
            [new(FlowOperation.Create, Udp(1)), new(FlowOperation.Create, Udp(2)), new(FlowOperation.Get, Udp(1))],
            response => { responses.Add(response); return true; });

        Assert.Equal([0, 1, 2], responses.Select(r => r.Index));
        Assert.Equal([0, (int)Errno.EEXIST, 0], responses.Select(r => r.Errno));
        Assert.Equal(524071917u, responses[2].Entry!.Id);
        Assert.Null(responses[0].Entry);
    }

    [Fact]
    public void ADatagramHoldsAtMost256Requests()
    {
        var (client, socket) = Kernel(_ => null);
        int answered = 0;

        client.Pipeline(Enumerable.Range(0, 300).Select(i => new FlowRequest(FlowOperation.Delete, Udp(i))), response =>
        {
            Assert.Equal(answered++, response.Index);
            return true;
        });

        Assert.Equal(300, answered);
        Assert.Equal([256, 44], socket.Sent.Select(d => Messages(d).Count));
    }

    [Fact]
    public void StoppingEndsThePipelineAfterTheCurrentDatagram()
    {
        var (client, socket) = Kernel(message => KernelMessages.Ack(Header(message).Sequence, (int)Errno.EEXIST));
        int read = 0;
        int answered = 0;

        client.Pipeline(
            Enumerable.Range(0, 1000).Select(i => { read++; return new FlowRequest(FlowOperation.Create, Udp(i)); }),
            response => { answered++; return response.Index != 3; });

        Assert.Single(socket.Sent);
        Assert.Equal(256, answered);
        // The request after the datagram was read (it did not fit) but never sent.
        Assert.Equal(257, read);
    }

    [Fact]
    public void WithoutCapNetAdminTheWholeDatagramIsRefused()
    {
        // nfnetlink answers EPERM for the datagram's first message and drops the others unread.
        var first = true;
        var (refusing, _) = Kernel(message =>
        {
            bool answer = first;
            first = false;
            return answer ? KernelMessages.Ack(Header(message).Sequence, (int)Errno.EPERM) : null;
        });
        var errnos = new List<int>();

        refusing.Pipeline(Enumerable.Range(0, 3).Select(i => new FlowRequest(FlowOperation.Create, Udp(i))), r => { errnos.Add(r.Errno); return true; });

        Assert.Equal([(int)Errno.EPERM, (int)Errno.EPERM, (int)Errno.EPERM], errnos);
    }

    [Fact]
    public void LostAnswersAreAnError()
    {
        var (client, socket) = Kernel(_ => null);
        socket.EnqueueError((int)Errno.ENOBUFS);

        var error = Assert.Throws<NetlinkException>(() => client.Pipeline([new(FlowOperation.Delete, Udp(1))], _ => true));

        Assert.Equal((int)Errno.ENOBUFS, error.Errno);
    }

    [Fact]
    public void TheReceiveBufferIsRaisedToHoldAWindowOfAnswers()
    {
        var (client, socket) = Kernel(_ => null);

        client.Pipeline([new(FlowOperation.Delete, Udp(1))], _ => true);

        Assert.True(socket.ReceiveBufferSize >= 256 * 10 * 1024);
    }
}
