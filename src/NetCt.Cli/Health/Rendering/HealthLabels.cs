using System.Globalization;
using System.Net;
using System.Text;
using NetCt.Cli.Libc;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Health;

/// <summary>The names a report prints for protocols, states, ports and addresses (conntrack's names where it has them).</summary>
internal static class HealthLabels
{
    public static string Protocol(byte protocol) => ProtocolNames.IsNamed(protocol)
        ? Encoding.ASCII.GetString(ProtocolNames.Protocol(protocol))
        : protocol.ToString(CultureInfo.InvariantCulture);

    public static string? State(ProtocolStateKey key) => key.State is not byte state ? null : key.Protocol switch
    {
        IpProtocols.IPPROTO_TCP => Encoding.ASCII.GetString(ProtocolNames.TcpState(state)),
        IpProtocols.IPPROTO_SCTP => Encoding.ASCII.GetString(ProtocolNames.SctpState(state)),
        IpProtocols.IPPROTO_DCCP => Encoding.ASCII.GetString(ProtocolNames.DccpState(state)),
        _ => state.ToString(CultureInfo.InvariantCulture),
    };

    public static string Port(ProtocolPortKey key) => $"{Protocol(key.Protocol)}/{key.Port.ToString(CultureInfo.InvariantCulture)}";

    public static string Address(IPAddress address)
    {
        Span<byte> text = stackalloc byte[InetNtop.MaxLength];
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        return Encoding.ASCII.GetString(text[..InetNtop.Format(bytes[..length], text)]);
    }

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string OnOff(bool? value) => value switch
    {
        true => "on",
        false => "off",
        null => "unknown",
    };
}
