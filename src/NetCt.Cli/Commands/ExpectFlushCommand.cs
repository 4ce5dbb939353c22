using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary><c>-F expect</c>: delete every expectation (the kernel ignores the family here).</summary>
internal static class ExpectFlushCommand
{
    public static int Run(ConntrackClient client, CommandContext context) =>
        FlushCommand.EmptyAndReport(() => client.FlushExpectations(), "expectation table has been emptied.", context);
}
