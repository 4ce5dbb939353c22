using System.Net;
using NetCt.Cli.Arguments;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary>
/// The entry <c>-I</c> and <c>-A</c> ask the kernel for: what the parser collected, completed the
/// way conntrack 1.4.8 and libnetfilter_conntrack complete it before they build the request.
/// </summary>
internal static class NewEntry
{
    private const byte Tcp = 6;
    private const byte Udp = 17;
    private const byte Icmp = 1;
    private const byte IcmpV6 = 58;

    // The protocols whose tuples the library writes (and turns around) with a source and a
    // destination port: GRE's keys travel in the port attributes.
    private static readonly byte[] PortProtocols = [Tcp, Udp, 33, 47, 132, 136];

    /// <summary>
    /// The parsed entry of <paramref name="command"/>, completed in place (a -R file runs hundreds of
    /// thousands of them; the command needs no other copy of its entry).
    /// </summary>
    public static Flow From(ParsedCommand command)
    {
        var entry = command.Entry;
        var original = entry.Original;
        var reply = entry.Reply;

        // conntrack's NFCT_SOPT_SETUP_REPLY and NFCT_SOPT_SETUP_ORIGINAL: the direction that was not
        // given is the given one turned around (a zone given for it is kept).
        bool originalGiven = (command.Options & CommandOptions.Original) != 0;
        bool replyGiven = (command.Options & CommandOptions.Reply) != 0;
        // libct_proto_unknown's final_check: a protocol without an extension has no option that
        // would set the reply's, so a reply given by address gets the original's.
        if (replyGiven && command.Protocol is UnknownProtocolExtension && reply is not null)
            reply.Protocol ??= original?.Protocol;
        if (originalGiven && !replyGiven)
            reply = TurnAround(original!, reply);
        else if (replyGiven && !originalGiven)
            original = TurnAround(reply!, original);

        if (original is not null && reply?.Protocol is Icmp or IcmpV6)
            AnswerIcmp(command.Family, original, reply);
        if (original is not null)
            Complete(original, command.Family);
        if (reply is not null)
            Complete(reply, command.Family);

        entry.Family = command.Family;
        entry.Original = original;
        entry.Reply = reply;
        entry.Mark = command.Mark?.Value;
        entry.Labels = command.LabelChange is { IsAddition: true } added ? added.Bits : null;
        entry.SourceNat = WithPortsFor(original?.Protocol, entry.SourceNat);
        entry.DestinationNat = WithPortsFor(original?.Protocol, entry.DestinationNat);
        return entry;
    }

    // libnetfilter_conntrack's __autocomplete(): addresses and protocol, and the ports of port
    // protocols, swapped; ICMP fields are left to AnswerIcmp.
    private static FlowTuple TurnAround(FlowTuple given, FlowTuple? missing)
    {
        var tuple = missing ?? new FlowTuple();
        tuple.Source = given.Destination;
        tuple.Destination = given.Source;
        tuple.Protocol = given.Protocol;
        if (IsPortProtocol(given.Protocol))
        {
            tuple.SourcePort = given.DestinationPort;
            tuple.DestinationPort = given.SourcePort;
        }
        return tuple;
    }

    /// <summary>
    /// The library's ICMP setters fill the reply direction as they fill the original one: the same
    /// code and id, and the type of the answer (255, which the kernel refuses, for a type without one).
    /// </summary>
    /// <remarks>
    /// conntrack 1.4.8 looks the answer up in the table of the family known when <c>--icmp-type</c>
    /// is read, so given before <c>-s</c>/<c>-d</c> (or with only <c>-r</c>/<c>-q</c>) the type becomes
    /// 255 and the kernel refuses the entry ("invalid parameters"); netct answers the type whatever the
    /// order of the options.
    /// </remarks>
    private static void AnswerIcmp(IpFamily family, FlowTuple original, FlowTuple reply)
    {
        if (original.IcmpType is byte type)
            reply.IcmpType = IcmpReplyType.For(family, type);
        if (original.IcmpCode is byte code)
            reply.IcmpCode = code;
        if (original.IcmpId is ushort id)
            reply.IcmpId = id;
    }

    // The library writes both addresses and every field of the tuple's protocol, zero when it was not
    // set. An address is missing where -o save wrote a NAT option instead (-g ADDRESS -q ADDRESS): the
    // kernel's NAT set-up fills it in.
    private static void Complete(FlowTuple tuple, IpFamily family)
    {
        var unspecified = family == IpFamily.IPv6 ? IPAddress.IPv6Any : IPAddress.Any;
        tuple.Source ??= unspecified;
        tuple.Destination ??= unspecified;
        tuple.Protocol ??= 0;
        if (IsPortProtocol(tuple.Protocol))
        {
            tuple.SourcePort ??= 0;
            tuple.DestinationPort ??= 0;
        }
        else if (tuple.Protocol is Icmp or IcmpV6)
        {
            tuple.IcmpType ??= 0;
            tuple.IcmpCode ??= 0;
            tuple.IcmpId ??= 0;
        }
    }

    // The library sends a NAT port only for TCP and UDP entries (nfct_build_protonat); conntrack
    // drops it silently for the others, and so does netct.
    private static NatRange? WithPortsFor(byte? protocol, NatRange? range)
    {
        if (range is null || protocol is Tcp or Udp)
            return range;
        return new NatRange { MinAddress = range.MinAddress, MaxAddress = range.MaxAddress };
    }

    private static bool IsPortProtocol(byte? protocol) => protocol is byte number && Array.IndexOf(PortProtocols, number) >= 0;
}
