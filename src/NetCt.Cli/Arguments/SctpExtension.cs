using NetCt.Cli.Libc;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_sctp: ports, <c>--state</c> and the verification tags.</summary>
internal sealed class SctpExtension() : PortProtocolExtension(
    1,
    [
        StateColumn(ReadState),
        .. TuplePortColumns,
        new("orig-vtag", VerificationTagRules, (argument, templates, _) => Sctp(templates).VerificationTagOriginal = VerificationTag(argument)),
        new("reply-vtag", VerificationTagRules, (argument, templates, _) => Sctp(templates).VerificationTagReply = VerificationTag(argument)),
    ],
    aliasesAfter: "reply-vtag")
{
    // Required by -I, -A and -I expect, optional for -U and -G.
    private const string VerificationTagRules = "0120201001";

    public override byte Number => IpProtocols.IPPROTO_SCTP;

    public override string HelpText =>
        PortHelp +
        "  --state\t\t\tSCTP state, fe. ESTABLISHED\n" +
        "  --orig-vtag\t\toriginal verification tag\n" +
        "  --reply-vtag\t\treply verification tag\n";

    private static SctpInfo Sctp(FlowTemplates templates) => templates.Entry.Sctp ??= new SctpInfo();

    private static uint VerificationTag(string argument) =>
        ConntrackQuirks.ArgumentVerificationTag(unchecked((uint)CNumber.AtoI(argument)));

    // The names printing uses. conntrack's table leaves the last two states without a name and
    // crashes (strcmp with NULL) on any word that is not one of the first eight; netct names them
    // and reports unknown words.
    private static void ReadState(string argument, Flow entry)
    {
        var state = (SctpState)KnownState(ProtocolNames.SctpStateNumber(argument), argument, "unknown SCTP state");
        (entry.Sctp ??= new SctpInfo()).State = state;
    }
}
