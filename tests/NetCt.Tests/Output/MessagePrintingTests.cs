using System.Text;
using NetCt.Cli.Labels;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// <c>-L</c> prints the plain line straight from each message (<see cref="FlowView"/>); every other
/// path decodes a <see cref="Flow"/> first. The two must print the same bytes for any message: the
/// captured entries, built ones with every field the line shows, and thousands of corrupted copies
/// (where both must also fail alike, the view by declining so that the decoder reports the error).
/// </summary>
public sealed class MessagePrintingTests
{
    private static readonly ConnLabelTable Labels = ConnLabelTable.Parse(ReferenceGoldens.LabelConfig)!;

    private static readonly TimeProvider Clock = new FixedTimeProvider(1795478470, "UTC");

    public static TheoryData<int> Formats =>
    [
        (int)OutputFlags.None,
        (int)(OutputFlags.Extended | OutputFlags.Id),
        (int)(OutputFlags.KTimestamp | OutputFlags.Id),
        (int)OutputFlags.Xml,
        (int)OutputFlags.Save,
        (int)OutputFlags.Json,
    ];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Captured_entries_print_alike_from_the_message_and_from_the_decoded_flow(int flags)
    {
        foreach (byte[] message in CapturedMessages.MixedEntries)
        {
            foreach (ConnLabelTable? labels in new[] { null, Labels })
                Assert.Equal(ThroughFlow(message, (OutputFlags)flags, labels), FromMessage(message, (OutputFlags)flags, labels));
        }
    }

    [Fact]
    public void The_view_reads_every_captured_entry()
    {
        // NAT shows in a dump as the reply tuple: the kernel sends CTA_NAT_* only in requests.
        Assert.All(CapturedMessages.MixedEntries, message => Assert.True(Reads(message)));
    }

    [Theory]
    [InlineData(CtattrType.CTA_TUPLE_MASTER)]
    [InlineData(CtattrType.CTA_SEQ_ADJ_ORIG)]
    [InlineData(CtattrType.CTA_SEQ_ADJ_REPLY)]
    [InlineData(CtattrType.CTA_NAT_SRC)]
    [InlineData(CtattrType.CTA_NAT_DST)]
    public void Entries_with_what_the_view_does_not_offer_are_decoded(CtattrType attribute)
    {
        byte[] message = Entry(writer =>
        {
            Tuple(writer, CtattrType.CTA_TUPLE_ORIG, 6, 1024, 21);
            if (attribute == CtattrType.CTA_TUPLE_MASTER)
            {
                Tuple(writer, attribute, 6, 1023, 21);
                return;
            }
            using (writer.BeginNested((ushort)attribute))
                writer.PutUInt32BigEndian(1, 7);
        });

        Assert.False(Reads(message));
        Assert.Equal(ThroughFlow(message, OutputFlags.Id, null), FromMessage(message, OutputFlags.Id, null));
    }

    public static TheoryData<string> BuiltEntries => [.. Built.Keys];

    [Theory]
    [MemberData(nameof(BuiltEntries))]
    public void Built_entries_print_alike_and_are_read_in_place(string name)
    {
        byte[] message = Built[name]();

        Assert.True(Reads(message), $"{name}: the view declined it");
        foreach (OutputFlags flags in new[] { OutputFlags.None, OutputFlags.Extended | OutputFlags.Id | OutputFlags.KTimestamp })
            Assert.Equal(ThroughFlow(message, flags, Labels), FromMessage(message, flags, Labels));
    }

    [Fact]
    public void A_helper_name_that_is_not_UTF8_is_left_to_the_decoder()
    {
        byte[] message = Entry(writer =>
        {
            Tuple(writer, CtattrType.CTA_TUPLE_ORIG, 6, 1, 2);
            using (writer.BeginNested((ushort)CtattrType.CTA_HELP))
                writer.PutBytes((ushort)CtattrHelp.CTA_HELP_NAME, [0x66, 0xff, 0x70, 0]);
        });

        Assert.False(Reads(message));
        Assert.Equal(ThroughFlow(message, OutputFlags.None, null), FromMessage(message, OutputFlags.None, null));
    }

    [Fact]
    public void Corrupted_entries_print_or_fail_alike()
    {
        var random = new Random(20261206);
        int read = 0;
        int failed = 0;
        foreach (byte[] original in CapturedMessages.MixedEntries)
        {
            for (int i = 0; i < 1500; i++)
            {
                byte[] message = Corrupt(original, random);
                string expected = Outcome(() => ThroughFlow(message, OutputFlags.Id, Labels));
                Assert.Equal(expected, Outcome(() => FromMessage(message, OutputFlags.Id, Labels)));
                read += Reads(message) ? 1 : 0;
                failed += expected.StartsWith("error: ", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        // Both kinds were exercised: corruptions the view read, and ones that do not decode.
        Assert.InRange(read, 1000, 17000);
        Assert.InRange(failed, 500, 17000);
    }

    [Fact]
    public void The_longest_line_without_names_stays_within_the_bound_the_unchecked_writer_relies_on()
    {
        byte[] message = LongestEntry();
        var flags = OutputFlags.Extended | OutputFlags.Id | OutputFlags.KTimestamp;

        // No event name, 39-byte addresses, an 11-digit delta-time: 47 bytes below the bound.
        string line = FromMessage(message, flags, Labels).TrimEnd('\n');

        Assert.Equal(ThroughFlow(message, flags, Labels), FromMessage(message, flags, Labels));
        Assert.InRange(line.Length, DefaultFlowFormatter.LongestLineWithoutNames - 50, DefaultFlowFormatter.LongestLineWithoutNames);
    }

    [Theory]
    [InlineData(5000, 0)]
    [InlineData(2500, 1700)]
    [InlineData(0, 4100)]
    public void Lines_that_may_pass_the_limit_are_cut_as_the_decoded_line_is(int securityContextLength, int helperLength)
    {
        byte[] message = Entry(writer =>
        {
            Tuple(writer, CtattrType.CTA_TUPLE_ORIG, 6, 1024, 21);
            if (securityContextLength > 0)
            {
                using (writer.BeginNested((ushort)CtattrType.CTA_SECCTX))
                    writer.PutString((ushort)CtattrSecctx.CTA_SECCTX_NAME, new string('s', securityContextLength));
            }
            if (helperLength > 0)
            {
                using (writer.BeginNested((ushort)CtattrType.CTA_HELP))
                    writer.PutString((ushort)CtattrHelp.CTA_HELP_NAME, new string('h', helperLength));
            }
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_USE, 1);
        });

        string fromMessage = FromMessage(message, OutputFlags.None, null);

        Assert.True(Reads(message));
        Assert.Equal(ThroughFlow(message, OutputFlags.None, null), fromMessage);
        Assert.Equal(ConntrackQuirks.DumpLineLimit, fromMessage.TrimEnd('\n').Length);
    }

    // Every field at its longest text: IPv6 addresses of eight ffff words, GRE keys, 64-bit
    // counters, three protocol states, both timestamps, every 32-bit number at its maximum.
    private static byte[] LongestEntry() => Entry(writer =>
    {
        byte[] address = [.. Enumerable.Repeat((byte)0xfe, 16)];
        foreach (CtattrType side in new[] { CtattrType.CTA_TUPLE_ORIG, CtattrType.CTA_TUPLE_REPLY })
        {
            Tuple(writer, side, 47, 0xfffe, 0xfffe, zone: 65535, source: address, destination: address);
            using (writer.BeginNested((ushort)(side == CtattrType.CTA_TUPLE_ORIG ? CtattrType.CTA_COUNTERS_ORIG : CtattrType.CTA_COUNTERS_REPLY)))
            {
                writer.PutUInt64BigEndian((ushort)CtattrCounters.CTA_COUNTERS_PACKETS, ulong.MaxValue);
                writer.PutUInt64BigEndian((ushort)CtattrCounters.CTA_COUNTERS_BYTES, ulong.MaxValue);
            }
        }
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_STATUS, (uint)FlowStatus.HardwareOffload);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_TIMEOUT, uint.MaxValue);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, uint.MaxValue);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_SECMARK, uint.MaxValue);
        writer.PutUInt16BigEndian((ushort)CtattrType.CTA_ZONE, 65535);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_USE, uint.MaxValue);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_ID, uint.MaxValue);
        using (writer.BeginNested((ushort)CtattrType.CTA_PROTOINFO))
        {
            using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_TCP))
                writer.PutByte((ushort)CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_STATE, 3);
            using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_SCTP))
                writer.PutByte((ushort)CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_STATE, 7);
            using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_DCCP))
                writer.PutByte((ushort)CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_STATE, 5);
        }
        using (writer.BeginNested((ushort)CtattrType.CTA_TIMESTAMP))
        {
            writer.PutUInt64BigEndian((ushort)CtattrTstamp.CTA_TIMESTAMP_START, 1);
            writer.PutUInt64BigEndian((ushort)CtattrTstamp.CTA_TIMESTAMP_STOP, ulong.MaxValue);
        }
    }, family: 10);

    private static bool Reads(byte[] message) => FlowView.TryRead(new NetlinkMessage(message), out _);

    private static string ThroughFlow(byte[] message, OutputFlags flags, ConnLabelTable? labels) =>
        Print(flags, labels, printer => printer.Print(FlowDecoder.Decode(new NetlinkMessage(message))));

    // As -L prints an entry: from an entry not read yet (a listing without a filter), and from one
    // the dump has read to judge it (a filtered listing hands the printer the view it judged).
    private static string FromMessage(byte[] message, OutputFlags flags, ConnLabelTable? labels)
    {
        string fresh = FromEntry(message, flags, labels, judgedFirst: false);
        Assert.Equal(fresh, FromEntry(message, flags, labels, judgedFirst: true));
        return fresh;
    }

    private static string FromEntry(byte[] message, OutputFlags flags, ConnLabelTable? labels, bool judgedFirst) =>
        Print(flags, labels, printer =>
        {
            var entry = new DumpedEntry(new NetlinkMessage(message));
            if (judgedFirst)
                _ = entry.HasView;
            printer.Print(ref entry);
        });

    private static string Print(OutputFlags flags, ConnLabelTable? labels, Action<FlowPrinter> print)
    {
        var stream = new MemoryStream();
        var errors = new StringWriter();
        using (var output = new OutputBuffer(stream))
        {
            var printer = FlowPrinter.ForCommand(FlowCommand.List, output, flags, labels, Clock, errors);
            print(printer);
            printer.Finish();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + errors;
    }

    private static string Outcome(Func<string> print)
    {
        try
        {
            return print();
        }
        catch (NetlinkDecodeException e)
        {
            return "error: " + e.Message;
        }
    }

    // One to three bytes after the nlmsghdr's length changed: attribute lengths, types and values.
    private static byte[] Corrupt(byte[] original, Random random)
    {
        byte[] message = (byte[])original.Clone();
        for (int n = random.Next(1, 4); n > 0; n--)
        {
            int at = random.Next(4, message.Length);
            message[at] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)(message[at] ^ (1 << random.Next(8))),
                _ => (byte)(message[at] + random.Next(-4, 5)),
            };
        }
        return message;
    }

    private static readonly Dictionary<string, Func<byte[]>> Built = new()
    {
        ["helper, security context, labels, zone and secmark"] = () => Entry(writer =>
        {
            Tuple(writer, CtattrType.CTA_TUPLE_ORIG, 6, 1024, 21);
            Tuple(writer, CtattrType.CTA_TUPLE_REPLY, 6, 21, 1024);
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_STATUS, 0x0e);
            using (writer.BeginNested((ushort)CtattrType.CTA_HELP))
                writer.PutString((ushort)CtattrHelp.CTA_HELP_NAME, "ftp");
            using (writer.BeginNested((ushort)CtattrType.CTA_SECCTX))
                writer.PutString((ushort)CtattrSecctx.CTA_SECCTX_NAME, "system_u:object_r:unlabeled_t:s0");
            writer.PutBytes((ushort)CtattrType.CTA_LABELS, [0x05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]);
            writer.PutUInt16BigEndian((ushort)CtattrType.CTA_ZONE, 7);
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_SECMARK, 42);
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_USE, 2);
        }),
        ["32-bit counters, a stopped timestamp, SCTP state"] = () => Entry(writer =>
        {
            Tuple(writer, CtattrType.CTA_TUPLE_ORIG, 132, 5000, 6000);
            using (writer.BeginNested((ushort)CtattrType.CTA_COUNTERS_ORIG))
            {
                writer.PutUInt32BigEndian((ushort)CtattrCounters.CTA_COUNTERS32_PACKETS, 3);
                writer.PutUInt32BigEndian((ushort)CtattrCounters.CTA_COUNTERS32_BYTES, 180);
            }
            using (writer.BeginNested((ushort)CtattrType.CTA_COUNTERS_REPLY))
                writer.PutUInt64BigEndian((ushort)CtattrCounters.CTA_COUNTERS_BYTES, 1UL << 40);
            using (writer.BeginNested((ushort)CtattrType.CTA_TIMESTAMP))
            {
                writer.PutUInt64BigEndian((ushort)CtattrTstamp.CTA_TIMESTAMP_START, 1795478400_000000000);
                writer.PutUInt64BigEndian((ushort)CtattrTstamp.CTA_TIMESTAMP_STOP, 1795478460_500000000);
            }
            using (writer.BeginNested((ushort)CtattrType.CTA_PROTOINFO))
            using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_SCTP))
            {
                writer.PutByte((ushort)CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_STATE, 3);
                writer.PutUInt32BigEndian((ushort)CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_ORIGINAL, 10);
            }
        }),
        ["DCCP state, unknown attributes, empty nests"] = () => Entry(writer =>
        {
            Tuple(writer, CtattrType.CTA_TUPLE_ORIG, 33, 1, 2);
            writer.PutUInt32BigEndian(60, 1);
            using (writer.BeginNested((ushort)CtattrType.CTA_COUNTERS_ORIG))
                writer.PutUInt32BigEndian(9, 1);
            using (writer.BeginNested((ushort)CtattrType.CTA_TIMESTAMP))
            {
            }
            using (writer.BeginNested((ushort)CtattrType.CTA_PROTOINFO))
            using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_DCCP))
            {
                writer.PutByte((ushort)CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_STATE, 4);
                writer.PutByte((ushort)CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_ROLE, 1);
                writer.PutUInt64BigEndian((ushort)CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ, 9);
            }
            writer.PutUInt64BigEndian((ushort)CtattrType.CTA_TIMESTAMP_EVENT, 5);
        }),
        ["a repeated tuple keeps only the last one's fields"] = () => Entry(writer =>
        {
            Tuple(writer, CtattrType.CTA_TUPLE_ORIG, 17, 53, 5353, zone: 4);
            using (writer.BeginNested((ushort)CtattrType.CTA_TUPLE_ORIG))
            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_PROTO))
                writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_NUM, 17);
            using (writer.BeginNested((ushort)CtattrType.CTA_PROTOINFO))
            {
                using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_TCP))
                    writer.PutByte((ushort)CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_STATE, 3);
                using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_TCP))
                    writer.PutByte((ushort)CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_ORIGINAL, 7);
            }
            using (writer.BeginNested((ushort)CtattrType.CTA_HELP))
                writer.PutString((ushort)CtattrHelp.CTA_HELP_NAME, "sip");
            using (writer.BeginNested((ushort)CtattrType.CTA_HELP))
                writer.PutUInt32BigEndian((ushort)CtattrHelp.CTA_HELP_INFO, 1);
        }),
        ["ICMP without its id, an IPv4 source and an IPv6 destination"] = () => Entry(writer =>
        {
            using (writer.BeginNested((ushort)CtattrType.CTA_TUPLE_ORIG))
            {
                using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_IP))
                {
                    writer.PutBytes((ushort)CtattrIp.CTA_IP_V4_SRC, [192, 0, 2, 1]);
                    writer.PutBytes((ushort)CtattrIp.CTA_IP_V6_DST, [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]);
                }
                using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_PROTO))
                {
                    writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_NUM, 1);
                    writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_ICMP_TYPE, 8);
                }
            }
            using (writer.BeginNested((ushort)CtattrType.CTA_TUPLE_REPLY))
            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_PROTO))
            {
                writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_NUM, 47);
                writer.PutUInt16BigEndian((ushort)CtattrL4proto.CTA_PROTO_SRC_PORT, 0x11);
            }
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_STATUS, 0x600e);
        }),
    };

    private static byte[] Entry(Action<NetlinkWriter> attributes, byte family = 2)
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK, (byte)CntlMsgTypes.IPCTNL_MSG_CT_NEW), 0, 1, family);
        attributes(writer);
        writer.EndMessage();
        return writer.WrittenSpan.ToArray();
    }

    // Addresses from 192.0.2.1 to 198.51.100.2 unless given (16 bytes: IPv6).
    private static void Tuple(
        NetlinkWriter writer, CtattrType side, byte protocol, ushort sourcePort, ushort destinationPort, ushort? zone = null,
        byte[]? source = null, byte[]? destination = null)
    {
        using (writer.BeginNested((ushort)side))
        {
            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_IP))
            {
                source ??= [192, 0, 2, 1];
                destination ??= [198, 51, 100, 2];
                writer.PutBytes((ushort)(source.Length == 16 ? CtattrIp.CTA_IP_V6_SRC : CtattrIp.CTA_IP_V4_SRC), source);
                writer.PutBytes((ushort)(destination.Length == 16 ? CtattrIp.CTA_IP_V6_DST : CtattrIp.CTA_IP_V4_DST), destination);
            }
            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_PROTO))
            {
                writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_NUM, protocol);
                writer.PutUInt16BigEndian((ushort)CtattrL4proto.CTA_PROTO_SRC_PORT, sourcePort);
                writer.PutUInt16BigEndian((ushort)CtattrL4proto.CTA_PROTO_DST_PORT, destinationPort);
            }
            if (zone is { } value)
                writer.PutUInt16BigEndian((ushort)CtattrTuple.CTA_TUPLE_ZONE, value);
        }
    }
}
