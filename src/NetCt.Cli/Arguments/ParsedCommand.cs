using NetCt.Cli.Labels;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// One command line (or one line of a <c>-R</c> file), parsed and checked: everything conntrack's
/// do_parse() collects in its struct ct_cmd and templates.
/// </summary>
internal sealed record ParsedCommand
{
    /// <summary>The command; <see cref="CommandKind.None"/> prints the usage.</summary>
    public required CommandKind Command { get; init; }

    /// <summary>The table named after the command (conntrack when none).</summary>
    public required TableName Table { get; init; }

    /// <summary>Which options were given (a CIDR prefix counts as the matching --mask-* option).</summary>
    public required CommandOptions Options { get; init; }

    /// <summary>
    /// The family of the addresses or <c>-f</c>; <see cref="IpFamily.Unspecified"/> (both) for -L, -U,
    /// -D, -G, -F and -E when none was given, IPv4 for the other commands then.
    /// </summary>
    public required IpFamily Family { get; init; }

    /// <summary>
    /// The entry: the tuples (-s -d -r -q, -p, ports, ICMP fields, keys), -t timeout, -u status (its
    /// set bits), -c secmark, -i id, -w zone, --orig-zone and --reply-zone in the tuples, protocol
    /// info (TCP/SCTP/DCCP state, SCTP verification tags, DCCP role; TCP flags for -I/-A), and -n/-g/-j
    /// addresses as <see cref="Flow.SourceNat"/>/<see cref="Flow.DestinationNat"/>. For expectations it
    /// is the master (-I) or the expected tuple (-G, -D; conntrack sends -G's as CTA_EXPECT_MASTER, which
    /// the kernel looks up as the expected tuple). Mark and labels are in <see cref="Mark"/>,
    /// <see cref="LabelFilter"/> and <see cref="LabelChange"/>.
    /// </summary>
    public Flow Entry => Templates.Entry;

    /// <summary>An expectation's expected tuple in <see cref="Flow.Original"/> (--tuple-src/dst, --tuple-port-*).</summary>
    public Flow ExpectedTuple => Templates.ExpectedTuple;

    /// <summary>
    /// Masks in <see cref="Flow.Original"/>: address masks (--mask-src/dst or the CIDR prefix of -s,
    /// -d, --tuple-src, --tuple-dst) and port masks (--mask-port-*).
    /// </summary>
    public Flow Mask => Templates.Mask;

    /// <summary>What the parser filled: the entry, and the expected tuple and mask when asked for.</summary>
    internal required FlowTemplates Templates { get; init; }

    /// <summary>-m value[/mask].</summary>
    public MarkFilter? Mark { get; init; }

    /// <summary>-u, as value and mask.</summary>
    public StatusFilter? Status { get; init; }

    /// <summary>-l: the label bits entries must have (bitmap as in <see cref="Arguments.LabelChange.Bits"/>).</summary>
    public byte[]? LabelFilter { get; init; }

    /// <summary>--label-add or --label-del.</summary>
    public LabelChange? LabelChange { get; init; }

    /// <summary>-e: the events to show (UPDATES is <see cref="FlowEventTypes.Update"/>; <c>-E expect</c> maps them to expectation events); null when not given (all of them).</summary>
    public FlowEventTypes? Events { get; init; }

    /// <summary>-o: every word given (for a -R file, the words of all its lines).</summary>
    public OutputFlags Output { get; init; }

    /// <summary>-b: the netlink socket receive buffer size (atol, so "-1" is 2^64-1).</summary>
    public ulong? BufferSize { get; init; }

    /// <summary>--resync (netct only): after an overrun, -E re-reads the table and prints it marked <c>[RESYNC]</c>.</summary>
    public bool Resync { get; init; }

    /// <summary>The extension of the last -p, if any (its <see cref="ProtocolExtension.HelpText"/> serves -h -p).</summary>
    public ProtocolExtension? Protocol { get; init; }

    /// <summary>The name "-h -p" prints as "Proto `NAME' help:" (for a protocol without extension, its /etc/protocols name).</summary>
    public string? ProtocolHelpName { get; init; }

    /// <summary>The label map, when an option loaded it (-l, --label-add, --label-del, -o labels).</summary>
    public ConnLabelTable? Labels { get; init; }

    /// <summary>For a line of a <c>-R</c> file, its 1-based line number (for error messages); 0 for the command line.</summary>
    public int SourceLine { get; init; }
}
