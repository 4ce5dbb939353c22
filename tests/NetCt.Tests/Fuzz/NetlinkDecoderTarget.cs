using System.Reflection;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;

namespace NetCt.Tests.Fuzz;

/// <summary>
/// What netct does with a datagram it receives: frame it, parse acknowledgements, decode entries and
/// statistics, and print each entry in every output format. The only exception allowed out is
/// <see cref="NetlinkDecodeException"/> (netct's "malformed netlink message", exit 1); spans make a
/// read outside the datagram an exception too, so it cannot go unnoticed.
/// </summary>
internal static class NetlinkDecoderTarget
{
    private static readonly OutputFlags[] Formats =
        [OutputFlags.None, OutputFlags.Extended | OutputFlags.Id | OutputFlags.KTimestamp | OutputFlags.Labels, OutputFlags.Xml, OutputFlags.Save];

    /// <summary>The kernel messages captured for the decoder tests: the seeds.</summary>
    public static IReadOnlyList<byte[]> Seeds { get; } =
        [.. typeof(CapturedMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(byte[]))
            .Select(field => (byte[])field.GetValue(null)!)];

    /// <summary>Runs one input; returns false when it was rejected as malformed.</summary>
    public static bool Run(byte[] datagram)
    {
        try
        {
            var reader = new NetlinkMessageReader(datagram);
            while (reader.Next())
                Handle(reader.Current);
            return true;
        }
        catch (NetlinkDecodeException)
        {
            return false;
        }
    }

    private static void Handle(NetlinkMessage message)
    {
        switch (message.Type)
        {
            case NetlinkMessageTypes.NLMSG_ERROR:
                _ = NetlinkAck.Parse(message).ExtendedAckMessage;
                return;
            case NetlinkMessageTypes.NLMSG_DONE:
                NetlinkAck.ParseDone(message);
                return;
        }

        // The message part of the type, as ConntrackClient expects it for each request.
        switch ((CntlMsgTypes)(message.Type & 0xff))
        {
            case CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS_CPU:
                _ = StatisticsDecoder.DecodeCpu(message);
                return;
            case CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS:
                _ = StatisticsDecoder.DecodeGlobal(message);
                return;
        }

        Flow flow = FlowDecoder.Decode(message);
        foreach (var format in Formats)
        {
            using var output = new OutputBuffer(Stream.Null);
            var printer = FlowPrinter.ForCommand(FlowCommand.List, output, format, errors: TextWriter.Null);
            printer.Print(flow);
            printer.Finish();
            var events = FlowPrinter.ForEvents(output, format, errors: TextWriter.Null);
            events.PrintEvent(flow, FlowEventType.Destroy, senderPortId: 7);
        }
    }
}
