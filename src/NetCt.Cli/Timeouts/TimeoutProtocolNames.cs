using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Timeouts;

/// <summary>
/// The protocol words of nfct's timeout subsystem that have states, and their numbers: the
/// protocols conntrack names (their names come from <see cref="ProtocolNames"/>, the one table of
/// them) and nfct's <c>generic</c>.
/// </summary>
internal static class TimeoutProtocolNames
{
    /// <summary>nfct's word for the generic tracker's policy (<see cref="TimeoutProtocols.Generic"/>).</summary>
    public const string Generic = "generic";

    public static readonly (string Name, byte Number)[] All =
    [
        .. ((byte[])
        [
            IpProtocols.IPPROTO_TCP, IpProtocols.IPPROTO_UDP, IpProtocols.IPPROTO_UDPLITE, IpProtocols.IPPROTO_ICMP,
            IpProtocols.IPPROTO_ICMPV6, IpProtocols.IPPROTO_SCTP, IpProtocols.IPPROTO_DCCP, IpProtocols.IPPROTO_GRE,
        ]).Select(number => (ProtocolNames.Text(number), number)),
        (Generic, TimeoutProtocols.Generic),
    ];

    public static string? NameOf(byte number) => Array.Find(All, entry => entry.Number == number).Name;

    public static byte? NumberOf(string name) => Array.FindIndex(All, entry => entry.Name == name) is int i and >= 0 ? All[i].Number : null;
}
