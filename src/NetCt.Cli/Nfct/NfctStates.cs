using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Nfct;

/// <summary>The states nfct knows per protocol: libnetfilter_cttimeout 1.0.1's tables.</summary>
internal static class NfctStates
{
    // libnetfilter_cttimeout names seven SCTP states; the kernel's HEARTBEAT_SENT/_ACKED are neither
    // accepted nor printed by nfct.
    private const int SctpStates = 7;

    /// <summary>The state names nfct accepts and prints for <paramref name="protocol"/>; empty for a protocol it has no table for.</summary>
    public static IReadOnlyList<string> For(byte protocol)
    {
        IReadOnlyList<string> states = TimeoutProtocols.States(protocol);
        return protocol == IpProtocols.IPPROTO_SCTP ? [.. states.Take(SctpStates)] : states;
    }
}
