using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetCt.Cli.Labels;
using NetCt.Cli.Libc;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>
/// netct's <c>-o json</c>: one JSON object per entry or event, on one line (NDJSON), written with
/// <see cref="Utf8JsonWriter"/> straight into the <see cref="OutputBuffer"/>. The schema is in
/// man/netct.8 (JSON OUTPUT): a field appears when the kernel sent the
/// attribute behind it and is never renamed or retyped, so scripts can rely on it across releases.
/// Events (-E) carry <c>event</c>, <c>event_time_ns</c> and the sender first (see <see cref="FlowPrinter.PrintEvent"/>).
/// </summary>
internal sealed class JsonFlowWriter
{
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText EventTimeName = JsonEncodedText.Encode("event_time_ns");
    private static readonly JsonEncodedText PortIdName = JsonEncodedText.Encode("portid");
    private static readonly JsonEncodedText ProgramName = JsonEncodedText.Encode("program");
    private static readonly JsonEncodedText FamilyName = JsonEncodedText.Encode("family");
    private static readonly JsonEncodedText ProtocolName = JsonEncodedText.Encode("protocol");
    private static readonly JsonEncodedText ProtocolNumberName = JsonEncodedText.Encode("protonum");
    private static readonly JsonEncodedText StateName = JsonEncodedText.Encode("state");
    private static readonly JsonEncodedText TimeoutName = JsonEncodedText.Encode("timeout");
    private static readonly JsonEncodedText OriginalName = JsonEncodedText.Encode("original");
    private static readonly JsonEncodedText ReplyName = JsonEncodedText.Encode("reply");
    private static readonly JsonEncodedText MasterName = JsonEncodedText.Encode("master");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("src");
    private static readonly JsonEncodedText DestinationName = JsonEncodedText.Encode("dst");
    private static readonly JsonEncodedText SourcePortName = JsonEncodedText.Encode("sport");
    private static readonly JsonEncodedText DestinationPortName = JsonEncodedText.Encode("dport");
    private static readonly JsonEncodedText SourceKeyName = JsonEncodedText.Encode("srckey");
    private static readonly JsonEncodedText DestinationKeyName = JsonEncodedText.Encode("dstkey");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ZoneName = JsonEncodedText.Encode("zone");
    private static readonly JsonEncodedText PacketsName = JsonEncodedText.Encode("packets");
    private static readonly JsonEncodedText BytesName = JsonEncodedText.Encode("bytes");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText MarkName = JsonEncodedText.Encode("mark");
    private static readonly JsonEncodedText SecmarkName = JsonEncodedText.Encode("secmark");
    private static readonly JsonEncodedText SecurityContextName = JsonEncodedText.Encode("secctx");
    private static readonly JsonEncodedText UseName = JsonEncodedText.Encode("use");
    private static readonly JsonEncodedText HelperName = JsonEncodedText.Encode("helper");
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start_ns");
    private static readonly JsonEncodedText StopName = JsonEncodedText.Encode("stop_ns");
    private static readonly JsonEncodedText LabelsName = JsonEncodedText.Encode("labels");
    private static readonly JsonEncodedText LabelNamesName = JsonEncodedText.Encode("label_names");
    private static readonly JsonEncodedText TcpName = JsonEncodedText.Encode("tcp");
    private static readonly JsonEncodedText SctpName = JsonEncodedText.Encode("sctp");
    private static readonly JsonEncodedText DccpName = JsonEncodedText.Encode("dccp");
    private static readonly JsonEncodedText WindowScaleOriginalName = JsonEncodedText.Encode("wscale_original");
    private static readonly JsonEncodedText WindowScaleReplyName = JsonEncodedText.Encode("wscale_reply");
    private static readonly JsonEncodedText FlagsOriginalName = JsonEncodedText.Encode("flags_original");
    private static readonly JsonEncodedText FlagsReplyName = JsonEncodedText.Encode("flags_reply");
    private static readonly JsonEncodedText VtagOriginalName = JsonEncodedText.Encode("vtag_original");
    private static readonly JsonEncodedText VtagReplyName = JsonEncodedText.Encode("vtag_reply");
    private static readonly JsonEncodedText RoleName = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText HandshakeSequenceName = JsonEncodedText.Encode("handshake_seq");

    private static readonly JsonEncodedText[] EventTypes =
        [JsonEncodedText.Encode("new"), JsonEncodedText.Encode("update"), JsonEncodedText.Encode("destroy")];

    private static readonly JsonEncodedText[] DccpRoles = [JsonEncodedText.Encode("client"), JsonEncodedText.Encode("server")];

    // enum ip_conntrack_status, bit 0 upwards, as the IPS_* names without the prefix.
    private static readonly JsonEncodedText[] StatusBits =
    [
        JsonEncodedText.Encode("EXPECTED"), JsonEncodedText.Encode("SEEN_REPLY"), JsonEncodedText.Encode("ASSURED"),
        JsonEncodedText.Encode("CONFIRMED"), JsonEncodedText.Encode("SRC_NAT"), JsonEncodedText.Encode("DST_NAT"),
        JsonEncodedText.Encode("SEQ_ADJUST"), JsonEncodedText.Encode("SRC_NAT_DONE"), JsonEncodedText.Encode("DST_NAT_DONE"),
        JsonEncodedText.Encode("DYING"), JsonEncodedText.Encode("FIXED_TIMEOUT"), JsonEncodedText.Encode("TEMPLATE"),
        JsonEncodedText.Encode("NAT_CLASH"), JsonEncodedText.Encode("HELPER"), JsonEncodedText.Encode("OFFLOAD"),
        JsonEncodedText.Encode("HW_OFFLOAD"),
    ];

    /// <summary>
    /// Escapes only what JSON requires (quote, backslash, control characters), so names and
    /// security contexts stay readable; the output is UTF-8 and never embedded in HTML. Structural
    /// validation is skipped (about a tenth of the time of a dump): the writers below always close
    /// what they open, and the golden tests parse every line.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly OutputBuffer _output;
    private readonly Utf8JsonWriter _writer;
    private readonly ConnLabelTable? _labels;

    /// <param name="output">Where the lines go.</param>
    /// <param name="labels">The label map when one was loaded (<c>-o labels</c>, <c>-l</c>, ...): adds <c>label_names</c>.</param>
    public JsonFlowWriter(OutputBuffer output, ConnLabelTable? labels)
    {
        _output = output;
        _labels = labels;
        _writer = new Utf8JsonWriter(output, WriterOptions);
    }

    /// <summary>Writes one entry as a line; for an event (-E) with the event fields first.</summary>
    /// <param name="flow">The entry.</param>
    /// <param name="eventType">The event, or null outside -E.</param>
    /// <param name="eventTime">The event's time in nanoseconds since the epoch (-E only).</param>
    /// <param name="senderPortId">The netlink portid of the process that caused the event, 0 for the kernel.</param>
    /// <param name="senderProgram">That process's name, if known.</param>
    public void Write(Flow flow, FlowEventType? eventType = null, ulong? eventTime = null, uint senderPortId = 0, string? senderProgram = null)
    {
        var writer = _writer;
        writer.Reset();
        writer.WriteStartObject();
        if (eventType is { } type)
        {
            writer.WriteString(EventName, EventTypes[(int)type]);
            if (eventTime is { } time)
                writer.WriteNumber(EventTimeName, time);
            if (senderPortId != 0)
            {
                writer.WriteNumber(PortIdName, senderPortId);
                if (senderProgram is not null)
                    writer.WriteString(ProgramName, senderProgram);
            }
        }

        byte protocol = flow.Protocol ?? 0;
        writer.WriteString(FamilyName, ProtocolNames.Layer3((byte)flow.Family));
        writer.WriteString(ProtocolName, ProtocolNames.Protocol(protocol));
        writer.WriteNumber(ProtocolNumberName, protocol);
        WriteState(writer, flow);
        if (flow.Timeout is { } timeout)
            writer.WriteNumber(TimeoutName, timeout);

        WriteTuple(writer, OriginalName, flow.Original, flow.OriginalCounters);
        WriteTuple(writer, ReplyName, flow.Reply, flow.ReplyCounters);
        WriteTuple(writer, MasterName, flow.Master, null);

        if (flow.Status is { } status)
            WriteStatus(writer, status);
        if (flow.Mark is { } mark)
            writer.WriteNumber(MarkName, mark);
        if (flow.Secmark is { } secmark)
            writer.WriteNumber(SecmarkName, secmark);
        if (flow.SecurityContext is { } securityContext)
            writer.WriteString(SecurityContextName, securityContext);
        if (flow.Zone is { } zone)
            writer.WriteNumber(ZoneName, zone);
        if (flow.Use is { } use)
            writer.WriteNumber(UseName, use);
        if (flow.Id is { } id)
            writer.WriteNumber(IdName, id);
        if (flow.Helper is { } helper)
            writer.WriteString(HelperName, helper);
        if (flow.Timestamps is { } timestamps)
        {
            writer.WriteNumber(StartName, timestamps.Start);
            if (timestamps.Stop is { } stop)
                writer.WriteNumber(StopName, stop);
        }
        if (flow.Labels is { } labels)
            WriteLabels(writer, labels);
        WriteProtocolInfo(writer, flow);

        writer.WriteEndObject();
        writer.Flush();
        _output.EndLine();
    }

    private static void WriteState(Utf8JsonWriter writer, Flow flow)
    {
        if (flow.Tcp?.State is { } tcp)
            writer.WriteString(StateName, ProtocolNames.TcpState((byte)tcp));
        else if (flow.Sctp?.State is { } sctp)
            writer.WriteString(StateName, ProtocolNames.SctpState((byte)sctp));
        else if (flow.Dccp?.State is { } dccp)
            writer.WriteString(StateName, ProtocolNames.DccpState((byte)dccp));
    }

    private static void WriteTuple(Utf8JsonWriter writer, JsonEncodedText name, FlowTuple? tuple, Counters? counters)
    {
        if (tuple is null)
            return;
        writer.WriteStartObject(name);
        if (tuple.Source is { } source)
            WriteAddress(writer, SourceName, source);
        if (tuple.Destination is { } destination)
            WriteAddress(writer, DestinationName, destination);

        byte protocol = tuple.Protocol ?? 0;
        if (protocol == IpProtocols.IPPROTO_GRE)
        {
            WriteOptional(writer, SourceKeyName, tuple.SourcePort);
            WriteOptional(writer, DestinationKeyName, tuple.DestinationPort);
        }
        else
        {
            WriteOptional(writer, SourcePortName, tuple.SourcePort);
            WriteOptional(writer, DestinationPortName, tuple.DestinationPort);
        }
        WriteOptional(writer, TypeName, tuple.IcmpType);
        WriteOptional(writer, CodeName, tuple.IcmpCode);
        WriteOptional(writer, IdName, tuple.IcmpId);
        WriteOptional(writer, ZoneName, tuple.Zone);
        if (counters is { } value)
        {
            writer.WriteNumber(PacketsName, value.Packets);
            writer.WriteNumber(BytesName, value.Bytes);
        }
        writer.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter writer, JsonEncodedText name, IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        Span<byte> text = stackalloc byte[InetNtop.MaxLength];
        writer.WriteString(name, text[..InetNtop.Format(bytes[..length], text)]);
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, uint? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
    }

    private static void WriteStatus(Utf8JsonWriter writer, FlowStatus status)
    {
        writer.WriteStartArray(StatusName);
        uint bits = (uint)status;
        for (int bit = 0; bit < StatusBits.Length; bit++)
        {
            if ((bits >> bit & 1) != 0)
                writer.WriteStringValue(StatusBits[bit]);
        }
        // Bits newer than the names above, so that none is lost: "BIT16", "BIT17", ...
        for (int bit = StatusBits.Length; bit < 32; bit++)
        {
            if ((bits >> bit & 1) != 0)
                writer.WriteStringValue("BIT" + bit);
        }
        writer.WriteEndArray();
    }

    private void WriteLabels(Utf8JsonWriter writer, byte[] labels)
    {
        writer.WriteStartArray(LabelsName);
        for (int bit = 0; bit < labels.Length * 8; bit++)
        {
            if (FlowFields.HasLabel(labels, bit))
                writer.WriteNumberValue(bit);
        }
        writer.WriteEndArray();
        if (_labels is not { } map)
            return;
        writer.WriteStartArray(LabelNamesName);
        for (int bit = 0; bit < labels.Length * 8; bit++)
        {
            if (FlowFields.HasLabel(labels, bit) && map.NameOf(bit) is { Length: > 0 } labelName)
                writer.WriteStringValue(labelName);
        }
        writer.WriteEndArray();
    }

    private static void WriteProtocolInfo(Utf8JsonWriter writer, Flow flow)
    {
        if (flow.Tcp is { } tcp
            && (tcp.WindowScaleOriginal is not null || tcp.WindowScaleReply is not null || tcp.FlagsOriginal is not null || tcp.FlagsReply is not null))
        {
            writer.WriteStartObject(TcpName);
            WriteOptional(writer, WindowScaleOriginalName, tcp.WindowScaleOriginal);
            WriteOptional(writer, WindowScaleReplyName, tcp.WindowScaleReply);
            WriteOptional(writer, FlagsOriginalName, tcp.FlagsOriginal?.Flags);
            WriteOptional(writer, FlagsReplyName, tcp.FlagsReply?.Flags);
            writer.WriteEndObject();
        }
        if (flow.Sctp is { } sctp && (sctp.VerificationTagOriginal ?? sctp.VerificationTagReply) is not null)
        {
            writer.WriteStartObject(SctpName);
            WriteOptional(writer, VtagOriginalName, sctp.VerificationTagOriginal);
            WriteOptional(writer, VtagReplyName, sctp.VerificationTagReply);
            writer.WriteEndObject();
        }
        if (flow.Dccp is { } dccp && (dccp.Role is not null || dccp.HandshakeSequence is not null))
        {
            writer.WriteStartObject(DccpName);
            if (dccp.Role is { } role && (int)role < DccpRoles.Length)
                writer.WriteString(RoleName, DccpRoles[(int)role]);
            if (dccp.HandshakeSequence is { } sequence)
                writer.WriteNumber(HandshakeSequenceName, sequence);
            writer.WriteEndObject();
        }
    }
}
