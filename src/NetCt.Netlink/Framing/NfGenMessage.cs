using System.Buffers.Binary;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// <c>struct nfgenmsg</c>: the 4-byte family header that starts the payload of every nfnetlink
/// message. <c>res_id</c> is big-endian on the wire.
/// </summary>
public readonly struct NfGenMessage
{
    /// <summary>Size on the wire.</summary>
    public const int Size = 4;

    /// <summary>Creates an nfgenmsg.</summary>
    /// <param name="family">nfgen_family: an AF_* value (AF_UNSPEC for both IPv4 and IPv6).</param>
    /// <param name="version">version: <see cref="NfnetlinkVersions.NFNETLINK_V0"/>.</param>
    /// <param name="resourceId">res_id, in host order (written big-endian).</param>
    public NfGenMessage(byte family, byte version = NfnetlinkVersions.NFNETLINK_V0, ushort resourceId = 0)
    {
        Family = family;
        Version = version;
        ResourceId = resourceId;
    }

    /// <summary>nfgen_family.</summary>
    public byte Family { get; }

    /// <summary>version.</summary>
    public byte Version { get; }

    /// <summary>res_id, converted to host order.</summary>
    public ushort ResourceId { get; }

    /// <summary>Reads an nfgenmsg from the start of a message payload.</summary>
    /// <param name="payload">The payload after the nlmsghdr.</param>
    /// <returns>The nfgenmsg.</returns>
    /// <exception cref="NetlinkDecodeException">The payload is shorter than 4 bytes.</exception>
    public static NfGenMessage Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < Size)
        {
            throw new NetlinkDecodeException($"nfgenmsg: payload is {payload.Length} bytes, nfgenmsg needs {Size}");
        }

        return new NfGenMessage(payload[0], payload[1], BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
    }

    /// <summary>Writes the nfgenmsg into the first 4 bytes of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 4 bytes.</param>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"an nfgenmsg needs {Size} bytes", nameof(destination));
        }

        destination[0] = Family;
        destination[1] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], ResourceId);
    }
}
