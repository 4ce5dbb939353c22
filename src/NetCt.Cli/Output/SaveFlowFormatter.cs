using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>
/// conntrack's <c>-o save</c> line (ct_save_snprintf in conntrack.c and the print_opts tables of
/// its protocol extensions): the options that would recreate the entry, e.g.
/// <c>-A -t 99 -u ASSURED -w 3 -s … -d … -r … -q … -p tcp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1 --state ESTABLISHED</c>.
/// Each option is written only when the kernel sent its attribute. The caller must have opened a
/// record on the buffer (trailing blanks are removed at the end).
/// </summary>
internal static class SaveFlowFormatter
{
    /// <summary>Writes the line; returns false when the family is neither IPv4 nor IPv6 (conntrack then warns on stderr and prints what it has).</summary>
    public static bool Write(OutputBuffer output, Flow flow, FlowEventType command)
    {
        output.Write(command switch
        {
            FlowEventType.Update => "-U "u8,
            FlowEventType.Destroy => "-D "u8,
            _ => "-A "u8,
        });

        if (flow.Timeout is { } timeout)
            WriteNumberOption(output, "-t "u8, timeout);
        if (flow.Status is { } status)
            WriteStatus(output, status);
        if (flow.Secmark is { } secmark)
            WriteNumberOption(output, "-c "u8, secmark);
        if (flow.Zone is { } zone)
            WriteNumberOption(output, "-w "u8, zone);
        if (flow.Original?.Zone is { } originalZone)
            WriteNumberOption(output, "--orig-zone "u8, originalZone);
        if (flow.Reply?.Zone is { } replyZone)
            WriteNumberOption(output, "--reply-zone "u8, replyZone);
        ConntrackQuirks.WriteSaveMarkAndLabels(output, flow);

        // The family comes from a tuple (libnetfilter_conntrack copies nfgen_family into each tuple it parses).
        if ((flow.Original is null && flow.Reply is null) || !FlowFields.PrintsAddresses(flow.Family))
            return false;

        WriteAddresses(output, flow);
        WriteProtocol(output, flow);
        output.TrimRecordTrailingSpaces();
        return true;
    }

    // Only the bits -u can set are named; an entry with none of them is "UNSET".
    private static void WriteStatus(OutputBuffer output, FlowStatus status)
    {
        output.Write("-u "u8);
        int before = output.RecordLength;
        WriteStatusBit(output, status, FlowStatus.Expected, "EXPECTED,"u8);
        WriteStatusBit(output, status, FlowStatus.SeenReply, "SEEN_REPLY,"u8);
        WriteStatusBit(output, status, FlowStatus.Assured, "ASSURED,"u8);
        WriteStatusBit(output, status, FlowStatus.FixedTimeout, "FIXED_TIMEOUT,"u8);
        if (output.RecordLength == before)
        {
            output.Write("UNSET "u8);
            return;
        }
        output.TrimRecordEnd(1); // the last comma
        output.WriteSpace();
    }

    private static void WriteStatusBit(OutputBuffer output, FlowStatus status, FlowStatus bit, ReadOnlySpan<byte> name)
    {
        if ((status & bit) != 0)
            output.Write(name);
    }

    private static void WriteAddresses(OutputBuffer output, Flow flow)
    {
        FlowTuple? original = flow.Original;
        FlowTuple? reply = flow.Reply;
        WriteAddressOption(output, "-s "u8, original?.Source);
        WriteAddressOption(output, "-d "u8, original?.Destination);

        // A DNAT'ed entry shows its reply source as -g, a SNAT'ed one its reply destination as -n
        // (NFCT_GOPT_IS_DNAT / IS_SNAT: the *_NAT_DONE bit and an address that differs).
        FlowStatus status = flow.Status ?? FlowStatus.None;
        bool dnat = (status & FlowStatus.DestinationNatDone) != 0 && !SameAddress(reply?.Source, original?.Destination);
        bool snat = (status & FlowStatus.SourceNatDone) != 0 && !SameAddress(reply?.Destination, original?.Source);
        WriteAddressOption(output, dnat ? "-g "u8 : "-r "u8, reply?.Source);
        WriteAddressOption(output, snat ? "-n "u8 : "-q "u8, reply?.Destination);
    }

    // libnetfilter_conntrack compares the stored words; an address the kernel did not send is zero.
    private static bool SameAddress(IPAddress? a, IPAddress? b) =>
        a is null || b is null ? IsZero(a ?? b) : a.Equals(b);

    private static bool IsZero(IPAddress? address) =>
        address is null || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static void WriteAddressOption(OutputBuffer output, ReadOnlySpan<byte> option, IPAddress? address)
    {
        if (address is null)
            return;
        output.Write(option);
        output.WriteAddress(address);
        output.WriteSpace();
    }

    private static void WriteProtocol(OutputBuffer output, Flow flow)
    {
        // conntrack's protocol extensions (tcp, udp, udplite, icmp, icmpv6, sctp, dccp, gre) are the
        // protocols libnetfilter_conntrack names.
        byte protocol = flow.Original?.Protocol ?? 0;
        if (!ProtocolNames.IsNamed(protocol))
        {
            ConntrackQuirks.WriteSaveUnnamedProtocol(output, protocol);
            return;
        }

        output.Write("-p "u8);
        output.Write(ProtocolNames.Protocol(protocol));
        output.WriteSpace();

        FlowTuple? original = flow.Original;
        FlowTuple? reply = flow.Reply;
        switch (protocol)
        {
            case IpProtocols.IPPROTO_ICMP:
                WriteIcmp(output, original, "--icmp-type "u8, "--icmp-code "u8, "--icmp-id "u8);
                break;
            case IpProtocols.IPPROTO_ICMPV6:
                WriteIcmp(output, original, "--icmpv6-type "u8, "--icmpv6-code "u8, "--icmpv6-id "u8);
                break;
            case IpProtocols.IPPROTO_GRE:
                WriteNumberOption(output, "--srckey "u8, original?.SourcePort);
                WriteNumberOption(output, "--dstkey "u8, original?.DestinationPort);
                WriteNumberOption(output, "--reply-key-src "u8, reply?.SourcePort);
                WriteNumberOption(output, "--reply-key-dst "u8, reply?.DestinationPort);
                break;
            default:
                WriteNumberOption(output, "--sport "u8, original?.SourcePort);
                WriteNumberOption(output, "--dport "u8, original?.DestinationPort);
                WriteNumberOption(output, "--reply-port-src "u8, reply?.SourcePort);
                WriteNumberOption(output, "--reply-port-dst "u8, reply?.DestinationPort);
                WriteProtocolInfo(output, flow, protocol);
                break;
        }
    }

    private static void WriteIcmp(OutputBuffer output, FlowTuple? tuple, ReadOnlySpan<byte> type, ReadOnlySpan<byte> code, ReadOnlySpan<byte> id)
    {
        WriteNumberOption(output, type, tuple?.IcmpType);
        WriteNumberOption(output, code, tuple?.IcmpCode);
        WriteNumberOption(output, id, tuple?.IcmpId);
    }

    private static void WriteProtocolInfo(OutputBuffer output, Flow flow, byte protocol)
    {
        switch (protocol)
        {
            case IpProtocols.IPPROTO_TCP when flow.Tcp?.State is { } state:
                WriteWordOption(output, "--state "u8, ProtocolNames.TcpState((byte)state));
                break;
            case IpProtocols.IPPROTO_SCTP when flow.Sctp is { } sctp:
                if (sctp.State is { } sctpState)
                    WriteWordOption(output, "--state "u8, ConntrackQuirks.SaveSctpStateName((byte)sctpState));
                if (sctp.VerificationTagOriginal is { } originalTag)
                    WriteNumberOption(output, "--orig-vtag "u8, ConntrackQuirks.SaveVerificationTag(originalTag));
                if (sctp.VerificationTagReply is { } replyTag)
                    WriteNumberOption(output, "--reply-vtag "u8, ConntrackQuirks.SaveVerificationTag(replyTag));
                break;
            case IpProtocols.IPPROTO_DCCP when flow.Dccp is { } dccp:
                if (dccp.State is { } dccpState)
                    WriteWordOption(output, "--state "u8, ProtocolNames.DccpState((byte)dccpState));
                if (dccp.Role is { } role)
                    WriteWordOption(output, "--role "u8, role == DccpRole.Server ? "server"u8 : "client"u8);
                break;
        }
    }

    private static void WriteWordOption(OutputBuffer output, ReadOnlySpan<byte> option, ReadOnlySpan<byte> word)
    {
        output.Write(option);
        output.Write(word);
        output.WriteSpace();
    }

    private static void WriteNumberOption(OutputBuffer output, ReadOnlySpan<byte> option, ulong? value)
    {
        if (value is not { } number)
            return;
        output.Write(option);
        output.WriteDecimal(number);
        output.WriteSpace();
    }
}
