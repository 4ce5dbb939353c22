using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using SharpFuzz;

// AFL++ harness for everything that reads kernel-supplied bytes: `instrument DLL...` rewrites the
// assemblies in place with AFL's edge coverage; without arguments it is the fork-server target that
// afl-fuzz runs, one datagram per input. Only NetlinkDecodeException may leave the decoders.
if (args is ["instrument", .. var assemblies])
{
    foreach (string assembly in assemblies)
        Fuzzer.Instrument(assembly, type => type.StartsWith("NetCt.", StringComparison.Ordinal), Options.Value);
    return;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    Decode(copy.ToArray());
});

static void Decode(byte[] datagram)
{
    try
    {
        var reader = new NetlinkMessageReader(datagram);
        while (reader.Next())
        {
            NetlinkMessage message = reader.Current;
            switch (message.Type)
            {
                case NetlinkMessageTypes.NLMSG_ERROR:
                    _ = NetlinkAck.Parse(message).ExtendedAckMessage;
                    continue;
                case NetlinkMessageTypes.NLMSG_DONE:
                    NetlinkAck.ParseDone(message);
                    continue;
            }

            switch ((CntlMsgTypes)(message.Type & 0xff))
            {
                case CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS_CPU:
                    _ = StatisticsDecoder.DecodeCpu(message);
                    break;
                case CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS:
                    _ = StatisticsDecoder.DecodeGlobal(message);
                    break;
                default:
                    _ = FlowDecoder.Decode(message).ToString();
                    break;
            }
        }
    }
    catch (NetlinkDecodeException)
    {
        // Malformed input, refused as netct refuses it.
    }
}
