using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_tcp: ports and <c>--state</c>.</summary>
internal sealed class TcpExtension() : PortProtocolExtension('1', [StateColumn(ReadState), .. TuplePortColumns])
{
    // IP_CT_TCP_FLAG_SACK_PERM | IP_CT_TCP_FLAG_BE_LIBERAL, plus CLOSE_INIT from TIME_WAIT on.
    private const byte LiberalFlags = 0x02 | 0x08;
    private const byte CloseInit = 0x04;

    public override byte Number => IpProtocols.IPPROTO_TCP;

    public override string HelpText => PortHelp + "  --state\t\t\tTCP state, fe. ESTABLISHED\n";

    /// <summary>
    /// conntrack disables window tracking on entries it creates (they have seen no packets) and
    /// lets a new connection reopen one in TIME_WAIT or later (RFC 1122).
    /// </summary>
    /// <remarks>conntrack also does this to every entry <c>-U</c> changes; netct does not.</remarks>
    public override void CompleteNewEntry(Flow entry)
    {
        var tcp = entry.Tcp ??= new TcpInfo();
        byte flags = tcp.State >= TcpState.TimeWait ? (byte)(LiberalFlags | CloseInit) : LiberalFlags;
        tcp.FlagsOriginal = new TcpFlagsAndMask(flags, flags);
        tcp.FlagsReply = new TcpFlagsAndMask(flags, flags);
    }

    // The names printing uses; LISTEN is accepted too, as SYN_SENT2 (its name before Linux 2.6.31).
    private static void ReadState(string argument, Flow entry) =>
        (entry.Tcp ??= new TcpInfo()).State = argument == "LISTEN"
            ? TcpState.SynSent2
            : (TcpState)KnownState(ProtocolNames.TcpStateNumber(argument), argument, "unknown TCP state");
}
