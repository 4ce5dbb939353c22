using NetCt.Interop;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_udp and libct_proto_udplite: ports only.</summary>
internal sealed class UdpExtension : PortProtocolExtension
{
    private UdpExtension(byte number, string? aliasesAfter)
        : base('1', TuplePortColumns, aliasesAfter)
    {
        Number = number;
    }

    public static UdpExtension Udp { get; } = new(IpProtocols.IPPROTO_UDP, aliasesAfter: null);

    public static UdpExtension UdpLite { get; } = new(IpProtocols.IPPROTO_UDPLITE, aliasesAfter: "tuple-port-dst");

    public override byte Number { get; }

    public override string HelpText => PortHelp;
}
