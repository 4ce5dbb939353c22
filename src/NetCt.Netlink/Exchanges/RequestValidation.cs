using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>Checks a request the caller built before it is sent: requests come from the caller, so bad framing is an argument error, not a decode error.</summary>
internal static class RequestValidation
{
    /// <summary>Checks that <paramref name="request"/> is exactly one message carrying NLM_F_REQUEST and <paramref name="required"/>.</summary>
    /// <returns>Its header.</returns>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static NetlinkMessageHeader SingleRequest(ReadOnlySpan<byte> request, NetlinkMessageFlags required)
    {
        bool framed;
        int next;
        try
        {
            framed = MessageFraming.TryFrame(request, 0, out _, out next);
        }
        catch (NetlinkDecodeException e)
        {
            throw new ArgumentException(e.Message, nameof(request), e);
        }

        if (!framed || next != request.Length)
        {
            throw new ArgumentException("the request must be exactly one complete netlink message", nameof(request));
        }

        NetlinkMessageHeader header = NetlinkMessageHeader.Read(request);
        NetlinkMessageFlags flags = NetlinkMessageFlags.NLM_F_REQUEST | required;
        if ((header.Flags & flags) != flags)
        {
            throw new ArgumentException(
                $"the request (seq {header.Sequence}) needs flags 0x{(ushort)flags:x}, has 0x{(ushort)header.Flags:x}", nameof(request));
        }

        return header;
    }
}
