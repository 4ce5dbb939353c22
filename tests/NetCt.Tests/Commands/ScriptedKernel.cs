using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Commands;

/// <summary>
/// A scripted ctnetlink behind separate fake sockets (as the real client has one for dumps and one
/// for requests): a dump request is answered with <see cref="Table"/>; every other message with
/// what <see cref="Answer"/> returns for it, else an acknowledgement if it asked for one (a request
/// without NLM_F_ACK that succeeded gets nothing). Records every message sent, in order.
/// </summary>
internal sealed class ScriptedKernel
{
    /// <summary>Captured entries (kernel messages) a dump returns.</summary>
    public List<byte[]> Table { get; } = [];

    /// <summary>The answer to one request: its index among the non-dump requests, and the message; null for none.</summary>
    public Func<int, byte[], byte[]?> Answer { get; set; } = (_, _) => null;

    /// <summary>How many of the first dumps the kernel flags NLM_F_DUMP_INTR (the table changed under them).</summary>
    public int InterruptedDumps { get; set; }

    /// <summary>How many dumps were requested.</summary>
    public int Dumps { get; private set; }

    /// <summary>Every non-dump message sent, in order.</summary>
    public List<byte[]> Requests { get; } = [];

    /// <summary>How many datagrams carried them.</summary>
    public int RequestDatagrams { get; private set; }

    public ConntrackClient Client() => new(() => new FakeNetlinkSocket { Responder = Respond });

    /// <summary>A refusal of <paramref name="request"/> with <paramref name="errno"/>.</summary>
    public static byte[] Refusal(byte[] request, int errno) => KernelMessages.Ack(FakeKernel.SequenceOf(request), errno);

    /// <summary><paramref name="captured"/> as the kernel's answer to the GET <paramref name="request"/>.</summary>
    public static byte[] Entry(byte[] request, byte[] captured) => FakeKernel.Reply(captured, FakeKernel.SequenceOf(request));

    /// <summary>The nlmsg_type's message part (IPCTNL_MSG_CT_NEW, _GET, _DELETE).</summary>
    public static CntlMsgTypes TypeOf(byte[] message) => (CntlMsgTypes)message[4];

    public static NetlinkMessageFlags FlagsOf(byte[] message) => (NetlinkMessageFlags)BitConverter.ToUInt16(message, 6);

    /// <summary>Whether the message holds a top-level attribute of this type (nested or not).</summary>
    public static bool HasAttribute(byte[] message, CtattrType type)
    {
        var reader = new AttributeReader(message.AsSpan(NetlinkMessageHeader.Size + 4));
        while (reader.TryNext())
        {
            if (reader.Type == (ushort)type)
                return true;
        }
        return false;
    }

    /// <summary>The value of a top-level 32-bit big-endian attribute.</summary>
    public static uint? UInt32Of(byte[] message, CtattrType type)
    {
        var reader = new AttributeReader(message.AsSpan(NetlinkMessageHeader.Size + 4));
        while (reader.TryNext())
        {
            if (reader.Type == (ushort)type)
                return reader.GetUInt32BigEndian();
        }
        return null;
    }

    private IEnumerable<FakeNetlinkSocket.Reply> Respond(byte[] datagram)
    {
        // NLM_F_DUMP is two bits, one of them NLM_F_EXCL's.
        if ((FlagsOf(datagram) & NetlinkMessageFlags.NLM_F_DUMP) == NetlinkMessageFlags.NLM_F_DUMP)
        {
            var flags = Dumps++ < InterruptedDumps ? NetlinkMessageFlags.NLM_F_DUMP_INTR : 0;
            yield return FakeNetlinkSocket.Reply.Datagram(FakeKernel.DumpReply(FakeKernel.SequenceOf(datagram), flags, [.. Table]));
            yield break;
        }

        RequestDatagrams++;
        foreach (var message in MessagesOf(datagram))
        {
            int index = Requests.Count;
            Requests.Add(message);
            if (Answer(index, message) is { } answer)
                yield return FakeNetlinkSocket.Reply.Datagram(answer);
            else if ((FlagsOf(message) & NetlinkMessageFlags.NLM_F_ACK) != 0)
                yield return FakeNetlinkSocket.Reply.Datagram(KernelMessages.Ack(FakeKernel.SequenceOf(message)));
        }
    }

    private static List<byte[]> MessagesOf(byte[] datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        var messages = new List<byte[]>();
        while (reader.Next())
            messages.Add(reader.Current.Bytes.ToArray());
        return messages;
    }
}
