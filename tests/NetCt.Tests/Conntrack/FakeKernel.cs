using System.Runtime.InteropServices;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>Scripts a <see cref="FakeNetlinkSocket"/> as the kernel's ctnetlink, for exact request bytes and canned replies.</summary>
internal sealed class FakeKernel
{
    public FakeNetlinkSocket Socket { get; } = new();

    public List<byte[]> Sent => Socket.Sent;

    /// <summary>A client whose dump and request connections share the fake socket.</summary>
    public ConntrackClient Client() => new(() => Socket);

    /// <summary>Answers each request with the datagrams <paramref name="answer"/> builds from its sequence number.</summary>
    public void Answer(Func<int, uint, byte[][]> answer) =>
        Socket.Responder = request =>
        {
            int index = Socket.Sent.Count - 1;
            return answer(index, SequenceOf(request)).Select(d => FakeNetlinkSocket.Reply.Datagram(d));
        };

    public static uint SequenceOf(byte[] message) => MemoryMarshal.Read<uint>(message.AsSpan(8));

    /// <summary>A captured message re-addressed to a request: its sequence number, plus flags.</summary>
    public static byte[] Reply(byte[] captured, uint sequence, NetlinkMessageFlags extraFlags = 0)
    {
        byte[] copy = (byte[])captured.Clone();
        MemoryMarshal.Write(copy.AsSpan(8), in sequence);
        ushort flags = (ushort)(MemoryMarshal.Read<ushort>(copy.AsSpan(6)) | (ushort)extraFlags);
        MemoryMarshal.Write(copy.AsSpan(6), in flags);
        return copy;
    }

    /// <summary>The dump parts, then NLMSG_DONE, in one datagram.</summary>
    public static byte[] DumpReply(uint sequence, NetlinkMessageFlags extraFlags, params byte[][] captured) =>
        KernelMessages.Datagram([.. captured.Select(c => Reply(c, sequence, extraFlags)), KernelMessages.Done(sequence)]);

    /// <summary>Asserts a request equals annotated hex, whose sequence number (bytes 8-11) is taken from the request.</summary>
    public static void AssertRequest(string expectedAnnotatedHex, byte[] actual)
    {
        byte[] expected = Fixture.Parse(expectedAnnotatedHex);
        Assert.True(actual.Length >= 12, "the request is shorter than a header");
        actual.AsSpan(8, 4).CopyTo(expected.AsSpan(8));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }
}
