using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Tests.Netlink;

/// <summary>
/// Builds the bytes the kernel would send, by hand rather than with <see cref="NetlinkWriter"/>, so
/// the reader side is tested against an independent encoder.
/// </summary>
internal static class KernelMessages
{
    public const uint OurPort = 4242;

    public static byte[] Message(ushort type, NetlinkMessageFlags flags, uint sequence, uint portId, ReadOnlySpan<byte> payload)
    {
        int length = 16 + payload.Length;
        byte[] message = new byte[(length + 3) & ~3];
        new NetlinkMessageHeader((uint)length, type, flags, sequence, portId).Write(message);
        payload.CopyTo(message.AsSpan(16));
        return message;
    }

    /// <summary>An nfnetlink data message: nfgenmsg then attributes.</summary>
    public static byte[] Data(ushort type, uint sequence, NetlinkMessageFlags flags = NetlinkMessageFlags.NLM_F_MULTI, uint portId = OurPort, byte family = AddressFamilies.AF_INET, params byte[][] attributes)
    {
        byte[] payload = [family, 0, 0, 0, .. attributes.SelectMany(a => a)];
        return Message(type, flags, sequence, portId, payload);
    }

    public static byte[] Attribute(ushort type, params byte[] value)
    {
        int length = 4 + value.Length;
        byte[] attribute = new byte[(length + 3) & ~3];
        MemoryMarshal.Write(attribute.AsSpan(0), (ushort)length);
        MemoryMarshal.Write(attribute.AsSpan(2), type);
        value.CopyTo(attribute.AsSpan(4));
        return attribute;
    }

    public static byte[] U32BigEndian(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>
    /// An NLMSG_ERROR. <paramref name="request"/> is echoed whole unless <paramref name="capped"/>
    /// (then only its header); <paramref name="text"/>/<paramref name="offset"/> become extended-ack TLVs.
    /// </summary>
    public static byte[] Ack(uint sequence, int errno = 0, string? text = null, uint? offset = null, bool capped = true, byte[]? request = null, uint portId = OurPort)
    {
        request ??= Message(0x0100, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK, sequence, 0, [2, 0, 0, 0]);
        var payload = new List<byte>();
        payload.AddRange(BitConverter.GetBytes(-errno));
        payload.AddRange(capped ? request.AsSpan(0, 16).ToArray() : request);
        NetlinkMessageFlags flags = capped ? NetlinkMessageFlags.NLM_F_CAPPED : 0;
        byte[] tlvs = ExtendedAck(text, offset);
        if (tlvs.Length > 0)
        {
            flags |= NetlinkMessageFlags.NLM_F_ACK_TLVS;
            payload.AddRange(tlvs);
        }

        return Message(NetlinkMessageTypes.NLMSG_ERROR, flags, sequence, portId, payload.ToArray());
    }

    public static byte[] Done(uint sequence, int errno = 0, string? text = null, NetlinkMessageFlags flags = NetlinkMessageFlags.NLM_F_MULTI, uint portId = OurPort)
    {
        byte[] tlvs = ExtendedAck(text, null);
        if (tlvs.Length > 0)
        {
            flags |= NetlinkMessageFlags.NLM_F_ACK_TLVS;
        }

        return Message(NetlinkMessageTypes.NLMSG_DONE, flags, sequence, portId, [.. BitConverter.GetBytes(-errno), .. tlvs]);
    }

    public static byte[] Datagram(params byte[][] messages) => messages.SelectMany(m => m).ToArray();

    private static byte[] ExtendedAck(string? text, uint? offset)
    {
        var tlvs = new List<byte>();
        if (text is not null)
        {
            tlvs.AddRange(Attribute((ushort)NlmsgerrAttrs.NLMSGERR_ATTR_MSG, [.. Encoding.UTF8.GetBytes(text), 0]));
        }

        if (offset is uint value)
        {
            tlvs.AddRange(Attribute((ushort)NlmsgerrAttrs.NLMSGERR_ATTR_OFFS, BitConverter.GetBytes(value)));
        }

        return tlvs.ToArray();
    }
}
