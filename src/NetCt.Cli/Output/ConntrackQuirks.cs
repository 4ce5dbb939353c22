using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// Every place where conntrack 1.4.8 (with libnetfilter_conntrack 1.1.0) prints something wrong or
/// odd that netct reproduces byte for byte. Each quirk lives in exactly one member here, named after
/// the behaviour, so that fixing it later is a change in one place.
/// </summary>
internal static class ConntrackQuirks
{
    /// <summary>
    /// -L and -G format each entry into <c>char buf[4096]</c> (mnl_nfct_dump_cb): snprintf cuts a
    /// longer line to 4095 bytes.
    /// </summary>
    public const int DumpLineLimit = 4095;

    /// <summary>
    /// -E, -D and -U format into <c>char buf[1024]</c> (event_cb, mnl_nfct_delete_cb,
    /// mnl_nfct_print_cb): a longer line, e.g. an XML destroy event of an IPv6 flow with counters and
    /// timestamps, is cut to 1023 bytes and loses its closing &lt;/flow&gt;.
    /// </summary>
    public const int EventLineLimit = 1023;

    /// <summary>
    /// libnetfilter_conntrack's XML writer looks SCTP states up in the TCP state table
    /// (<c>states[ct->protoinfo.sctp.state]</c>): ESTABLISHED (4) prints as FIN_WAIT.
    /// </summary>
    public static ReadOnlySpan<byte> XmlSctpStateName(byte state) => ProtocolNames.TcpState(state);

    /// <summary>
    /// Likewise for DCCP (<c>states[ct->protoinfo.dccp.state]</c>): OPEN (4) prints as FIN_WAIT,
    /// INVALID (9) as SYN_SENT2.
    /// </summary>
    public static ReadOnlySpan<byte> XmlDccpStateName(byte state) => ProtocolNames.TcpState(state);

    /// <summary>
    /// The XML writer has no ICMP case (__snprintf_proto_xml handles ports and GRE keys only), so
    /// an ICMP or ICMPv6 flow's &lt;layer4&gt; element is empty: type, code and id are lost.
    /// </summary>
    public static void WriteXmlIcmpFields(OutputBuffer output, FlowTuple tuple)
    {
    }

    /// <summary>
    /// The XML writer prints &lt;counters&gt; in both directions only when the <em>original</em>
    /// direction's counters are present (it tests ATTR_ORIG_COUNTER_* for the reply too); a missing
    /// reply counter then prints as 0.
    /// </summary>
    public static bool XmlTupleHasCounters(Flow flow) => flow.OriginalCounters is not null;

    /// <summary>
    /// 1.4.8 appends " [USERSPACE] portid=N" to every event caused by a process, also after an XML
    /// &lt;flow&gt; element (which makes the stream invalid XML), and whether or not <c>-o userspace</c>
    /// was given (the word is accepted but sets no flag).
    /// </summary>
    public static bool WritesUserspaceSuffix(OutputFlags flags) => true;

    /// <summary>
    /// conntrack reads connlabel.conf for <c>-o labels</c> and also for <c>-l</c>, <c>--label-add</c>
    /// and <c>--label-del</c>, and prints labels whenever it has the map: <c>conntrack -L -l five</c>
    /// prints <c>labels=five</c> without <c>-o labels</c>. Pass the map to <see cref="FlowPrinter"/>
    /// when this is true.
    /// </summary>
    public static bool LoadsLabelMap(OutputFlags flags, bool labelOptionGiven) =>
        flags.HasFlag(OutputFlags.Labels) || labelOptionGiven;

    /// <summary>
    /// When an entry has labels but none of them has a name in connlabel.conf, conntrack writes
    /// "labels=", removes the last character (meant to be a trailing comma, here the '=') and ends the
    /// field: the line ends in " labels".
    /// </summary>
    public static ReadOnlySpan<byte> LabelsWithoutNames => "labels "u8;

    /// <summary>
    /// <c>-o save</c> writes no <c>-m</c> for the mark and no <c>-l</c> for the labels
    /// (ct_save_snprintf has no entry for ATTR_MARK or ATTR_CONNLABELS), so -R restores the entry
    /// without them.
    /// </summary>
    public static void WriteSaveMarkAndLabels(OutputBuffer output, Flow flow)
    {
    }

    /// <summary>
    /// <c>-o save</c> writes a protocol conntrack has no extension for as a bare number
    /// (<c>-p 99</c>) with none of its fields.
    /// </summary>
    public static void WriteSaveUnnamedProtocol(OutputBuffer output, byte protocol)
    {
        output.Write("-p "u8);
        output.WriteDecimal((ulong)protocol);
        output.WriteSpace();
    }

    /// <summary>
    /// <c>-o save</c> prints SCTP verification tags byte-swapped (libnetfilter_conntrack stores them
    /// in host order and the print table says CT_ATTR_TYPE_BE32); conntrack -I swaps them the same
    /// way, so the line loads back, but the number is not the kernel's.
    /// </summary>
    public static uint SaveVerificationTag(uint kernelValue) =>
        System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(kernelValue);

    /// <summary>
    /// <c>--orig-vtag</c> and <c>--reply-vtag</c> of -I, -A and -U reach the kernel byte-swapped:
    /// conntrack stores the number in network order and libnetfilter_conntrack converts it once more
    /// when it builds the attribute, so <c>--orig-vtag 10</c> makes an entry whose tag is 167772160
    /// (0x0A000000). The inverse of <see cref="SaveVerificationTag"/>, which is why saved lines load back.
    /// </summary>
    public static uint ArgumentVerificationTag(uint argument) => SaveVerificationTag(argument);

    /// <summary>
    /// conntrack-tools' own SCTP state table for <c>-o save</c> stops at SHUTDOWN_ACK_SENT (7):
    /// HEARTBEAT_SENT and HEARTBEAT_ACKED (which kernels before 6.3 still report) print glibc's
    /// "(null)". Observed with conntrack 1.4.8 on an entry netct created in HEARTBEAT_SENT (kernel
    /// 6.18 accepts that state from ctnetlink; conntrack itself crashes on the word).
    /// </summary>
    public static ReadOnlySpan<byte> SaveSctpStateName(byte state) =>
        state <= 7 ? ProtocolNames.SctpState(state) : "(null)"u8;

    /// <summary>
    /// For a family other than IPv4/IPv6, ct_save_snprintf warns on stderr and returns early: the
    /// line holds what was written so far, trailing space included.
    /// </summary>
    public const string SaveUnsupportedFamilyWarning = "WARNING: unsupported l3proto {0}, skipping.";

    /// <summary>-C prints CTA_STATS_GLOBAL_ENTRIES with <c>%d</c>: a count above 2^31-1 prints negative.</summary>
    public static long CountAsPrinted(uint entries) => unchecked((int)entries);

    /// <summary>
    /// -G with <c>-o xml</c> prints the XML header but never the closing &lt;/conntrack&gt; (only the
    /// -L path writes it).
    /// </summary>
    public const bool GetWritesXmlFooter = false;

    /// <summary>
    /// -L dying and -L unconfirmed with <c>-o xml</c> return before the closing &lt;/conntrack&gt;
    /// (do_command_ct breaks out of CT_LIST before the footer; read from the sources, not observed:
    /// those lists are empty outside of races).
    /// </summary>
    public const bool DyingAndUnconfirmedWriteXmlFooter = false;

    /// <summary>
    /// -D and -U with <c>-o xml</c> print bare &lt;flow&gt; lines: no XML header, no footer.
    /// </summary>
    public const bool UpdateAndDeleteWriteXmlHeader = false;
}
