using NetCt.Cli.Arguments;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-I expect</c>: create an expectation for the master <c>-s -d -p --sport --dport</c>, with the
/// expected tuple of <c>--tuple-src --tuple-dst --tuple-port-*</c>, the mask of <c>--mask-src
/// --mask-dst --mask-port-*</c> and the timeout <c>-t</c>; silent on success, as conntrack.
/// </summary>
/// <remarks>
/// The kernel needs a master with a helper (EOPNOTSUPP otherwise) and then takes the timeout from
/// the helper's policy. conntrack 1.4.8 stores a byte of the tcp, sctp and dccp tuple ports as the
/// expected protocol; netct sends the ports and the protocol given.
/// </remarks>
internal static class ExpectCreateCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        client.CreateExpectation(new Expectation
        {
            Family = command.Family,
            Master = command.Entry.Original,
            Tuple = command.ExpectedTuple.Original,
            Mask = command.Mask.Original,
            Timeout = command.Entry.Timeout,
        });
        return ExitCodes.Success;
    }
}
