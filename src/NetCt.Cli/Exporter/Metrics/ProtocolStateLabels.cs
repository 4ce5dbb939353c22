using System.Text;
using NetCt.Cli.Output;
using NetCt.Interop;

namespace NetCt.Cli.Exporter.Metrics;

/// <summary>The protocol and state label values of a protocol × state group, with conntrack's own names (tcp, ESTABLISHED…).</summary>
internal static class ProtocolStateLabels
{
    public static string Protocol(byte protocol) => Encoding.ASCII.GetString(ProtocolNames.Protocol(protocol));

    /// <summary>The tracker state's name for TCP, SCTP and DCCP; empty for protocols that have no state.</summary>
    public static string State(byte protocol, byte state) => protocol switch
    {
        IpProtocols.IPPROTO_TCP => Encoding.ASCII.GetString(ProtocolNames.TcpState(state)),
        IpProtocols.IPPROTO_SCTP => Encoding.ASCII.GetString(ProtocolNames.SctpState(state)),
        IpProtocols.IPPROTO_DCCP => Encoding.ASCII.GetString(ProtocolNames.DccpState(state)),
        _ => "",
    };
}
