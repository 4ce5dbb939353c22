using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary>
/// The ICMP type of the answer to a request type, as libnetfilter_conntrack's __icmp_reply_type() and
/// __icmpv6_reply_type() give it when they complete an entry's reply tuple: echo, timestamp,
/// information and address-mask requests pair with their replies (ICMPv6: echo and node information).
/// </summary>
internal static class IcmpReplyType
{
    /// <summary>What the library writes for a type without a pair; the kernel refuses it (EINVAL).</summary>
    public const byte Unpaired = 255;

    /// <summary>The reply type for <paramref name="type"/> in <paramref name="family"/>, which chooses the table (not the protocol).</summary>
    public static byte For(IpFamily family, byte type) => family switch
    {
        IpFamily.IPv4 => type switch
        {
            0 => 8,     // echo reply <- echo request
            8 => 0,
            13 => 14,   // timestamp
            14 => 13,
            15 => 16,   // information
            16 => 15,
            17 => 18,   // address mask
            18 => 17,
            _ => Unpaired,
        },
        IpFamily.IPv6 => type switch
        {
            128 => 129, // echo request <-> echo reply
            129 => 128,
            139 => 140, // node information query <-> reply
            140 => 139,
            _ => Unpaired,
        },
        _ => Unpaired,
    };
}
