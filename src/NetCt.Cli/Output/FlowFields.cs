using System.Net;
using System.Runtime.CompilerServices;
using NetCt.Cli.Labels;
using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>Pieces shared by the default and XML formats.</summary>
internal static class FlowFields
{
    public const ulong NanosecondsPerSecond = 1_000_000_000;

    private static readonly byte[] ZeroIPv4 = new byte[4];
    private static readonly byte[] ZeroIPv6 = new byte[16];

    /// <summary>
    /// libnetfilter_conntrack prints a tuple's addresses when the tuple was sent and the entry's family
    /// (nfgen_family, which it copies into each parsed tuple) is IPv4 or IPv6; an address the kernel
    /// did not send prints as zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool PrintsAddresses(IpFamily family) => family is IpFamily.IPv4 or IpFamily.IPv6;

    public static void WriteAddress<TWriter>(ref TWriter output, IPAddress? address, IpFamily family)
        where TWriter : ILineWriter, allows ref struct
    {
        if (address is not null)
            output.WriteAddress(address);
        else
            output.WriteAddress(ZeroAddress(family));
    }

    /// <summary>An address as its bytes (<see cref="FlowTupleView"/>); empty when the kernel sent none.</summary>
    public static void WriteAddress<TWriter>(ref TWriter output, ReadOnlySpan<byte> address, IpFamily family)
        where TWriter : ILineWriter, allows ref struct =>
        output.WriteAddress(address.IsEmpty ? ZeroAddress(family) : address);

    private static byte[] ZeroAddress(IpFamily family) => family == IpFamily.IPv6 ? ZeroIPv6 : ZeroIPv4;

    /// <summary>Seconds since the epoch of a CTA_TIMESTAMP value, as libnetfilter_conntrack computes them (<c>(time_t)(ns / NSEC_PER_SEC)</c>).</summary>
    public static long Seconds(ulong nanoseconds) => (long)(nanoseconds / NanosecondsPerSecond);

    /// <summary>time(2) from the given clock.</summary>
    public static long Now(TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Whether label <paramref name="bit"/> is set. CTA_LABELS is the kernel's bitmap of host-order
    /// words, so on little-endian hosts bit N is bit N % 8 of byte N / 8.
    /// </summary>
    public static bool HasLabel(ReadOnlySpan<byte> labels, int bit) => (labels[bit >> 3] >> (bit & 7) & 1) != 0;

    /// <summary>
    /// Writes the name of every set label bit that has a non-empty name, each between
    /// <paramref name="before"/> and <paramref name="after"/>; returns how many were written.
    /// </summary>
    public static int WriteLabelNames<TWriter>(ref TWriter output, ReadOnlySpan<byte> labels, ConnLabelTable map, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
        where TWriter : ILineWriter, allows ref struct
    {
        int written = 0;
        for (int bit = 0; bit < labels.Length * 8; bit++)
        {
            if (!HasLabel(labels, bit))
                continue;
            string? name = map.NameOf(bit);
            if (string.IsNullOrEmpty(name))
                continue;
            output.Write(before);
            output.WriteUtf8(name);
            output.Write(after);
            written++;
        }
        return written;
    }
}
