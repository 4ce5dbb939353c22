using System.Runtime.InteropServices;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// The kernel's answer to one request sent with NLM_F_ACK: an NLMSG_ERROR whose errno is 0 on
/// success, plus the extended-ack text and offset when the kernel sent them.
/// </summary>
public readonly struct NetlinkAck
{
    /// <summary>Creates an acknowledgement.</summary>
    /// <param name="sequence">nlmsg_seq of the acknowledged request.</param>
    /// <param name="index">Index of the request in its batch; 0 for a single request.</param>
    /// <param name="errno">0 for success, otherwise a positive errno.</param>
    /// <param name="extendedAckMessage">NLMSGERR_ATTR_MSG text, or null.</param>
    /// <param name="errorOffset">NLMSGERR_ATTR_OFFS value, or null.</param>
    public NetlinkAck(uint sequence, int index, int errno, string? extendedAckMessage = null, uint? errorOffset = null)
    {
        Sequence = sequence;
        Index = index;
        Errno = errno;
        ExtendedAckMessage = extendedAckMessage;
        ErrorOffset = errorOffset;
    }

    /// <summary>nlmsg_seq of the request this acknowledges.</summary>
    public uint Sequence { get; }

    /// <summary>Index of the request in its batch (0-based); 0 for a single request.</summary>
    public int Index { get; }

    /// <summary>0 on success, otherwise a positive errno.</summary>
    public int Errno { get; }

    /// <summary>True when <see cref="Errno"/> is 0.</summary>
    public bool IsSuccess => Errno == 0;

    /// <summary>The errno's C name ("ENOENT"); "errno 0" for success.</summary>
    public string ErrnoName => ErrnoNames.Get(Errno);

    /// <summary>The kernel's extended-ack message (NLMSGERR_ATTR_MSG), or null.</summary>
    public string? ExtendedAckMessage { get; }

    /// <summary>NLMSGERR_ATTR_OFFS: offset of the rejected attribute in the request, or null.</summary>
    public uint? ErrorOffset { get; }

    /// <summary>
    /// Decodes an NLMSG_ERROR: <c>int error; struct nlmsghdr request;</c> then the request's payload
    /// unless NLM_F_CAPPED, then extended-ack attributes if NLM_F_ACK_TLVS.
    /// </summary>
    /// <param name="message">An NLMSG_ERROR message.</param>
    /// <param name="index">Batch index to record.</param>
    /// <returns>The acknowledgement.</returns>
    /// <exception cref="NetlinkDecodeException">The message is not an NLMSG_ERROR or is too short.</exception>
    public static NetlinkAck Parse(NetlinkMessage message, int index = 0)
    {
        if (message.Type != NetlinkMessageTypes.NLMSG_ERROR)
        {
            throw new NetlinkDecodeException($"netlink ack: message type 0x{message.Type:x4} is not NLMSG_ERROR");
        }

        ReadOnlySpan<byte> payload = message.Payload;
        if (payload.Length < sizeof(int))
        {
            throw new NetlinkDecodeException($"netlink ack: payload is {payload.Length} bytes, the error code needs 4");
        }

        int errno = ToPositiveErrno(MemoryMarshal.Read<int>(payload));
        int extendedAckOffset = sizeof(int) + NetlinkMessageHeader.Size;
        if ((message.Flags & NetlinkMessageFlags.NLM_F_CAPPED) == 0
            && NetlinkMessageHeader.TryRead(payload[sizeof(int)..], out NetlinkMessageHeader request))
        {
            // Without NETLINK_CAP_ACK (or on kernels that ignore it) the whole request is echoed.
            extendedAckOffset = (int)Math.Min(sizeof(int) + NetlinkAlignment.Align((long)request.Length), int.MaxValue);
        }

        string? text = null;
        uint? offset = null;
        if ((message.Flags & NetlinkMessageFlags.NLM_F_ACK_TLVS) != 0 && extendedAckOffset < payload.Length)
        {
            ReadExtendedAck(payload[extendedAckOffset..], out text, out offset);
        }

        return new NetlinkAck(message.Sequence, index, errno, text, offset);
    }

    /// <summary>
    /// Decodes the payload of an NLMSG_DONE: <c>int error</c> (0 or a negative errno) followed by
    /// extended-ack attributes if NLM_F_ACK_TLVS.
    /// </summary>
    /// <param name="message">An NLMSG_DONE message.</param>
    /// <returns>The dump's final status; a DONE without a payload counts as success.</returns>
    public static NetlinkAck ParseDone(NetlinkMessage message)
    {
        ReadOnlySpan<byte> payload = message.Payload;
        if (payload.Length < sizeof(int))
        {
            return new NetlinkAck(message.Sequence, 0, 0);
        }

        int errno = ToPositiveErrno(MemoryMarshal.Read<int>(payload));
        string? text = null;
        uint? offset = null;
        if ((message.Flags & NetlinkMessageFlags.NLM_F_ACK_TLVS) != 0)
        {
            ReadExtendedAck(payload[sizeof(int)..], out text, out offset);
        }

        return new NetlinkAck(message.Sequence, 0, errno, text, offset);
    }

    /// <summary>An exception describing this failed acknowledgement.</summary>
    /// <returns>The exception (not thrown).</returns>
    public NetlinkException ToException() => new(Errno, ExtendedAckMessage, operation: null, ErrorOffset);

    /// <summary>Throws <see cref="NetlinkException"/> unless <see cref="IsSuccess"/>.</summary>
    public void ThrowIfFailed()
    {
        if (!IsSuccess)
        {
            throw ToException();
        }
    }

    private static int ToPositiveErrno(int error) => error == int.MinValue ? int.MaxValue : Math.Abs(error);

    // Extended-ack attributes are best effort: a malformed TLV must not hide the errno itself.
    private static void ReadExtendedAck(ReadOnlySpan<byte> attributes, out string? text, out uint? offset)
    {
        text = null;
        offset = null;
        var reader = new AttributeReader(attributes);
        while (reader.TryNext())
        {
            switch ((NlmsgerrAttrs)reader.Type)
            {
                case NlmsgerrAttrs.NLMSGERR_ATTR_MSG:
                    text = reader.GetString();
                    break;
                case NlmsgerrAttrs.NLMSGERR_ATTR_OFFS when reader.TryGetUInt32HostEndian(out uint value):
                    offset = value;
                    break;
            }
        }
    }
}
