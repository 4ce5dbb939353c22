using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-E expect</c>: print expectation events (<c>[NEW]</c>, <c>[DESTROY]</c>) as they come, each
/// line flushed, until SIGINT or SIGTERM; then, as conntrack 1.4.8's signal handler does, the XML
/// footer if the header was written, "N expectation events have been shown." and exit status 0.
/// </summary>
internal static class ExpectEventCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        using var stop = new StopSignals();

        context.Output.LineBuffered = true;
        var printer = new ExpectationPrinter(context.Output, command.Output);
        ConntrackEventStream events;
        try
        {
            events = client.ListenExpectations();
        }
        catch (NetlinkException)
        {
            // conntrack's nfct_open fails the same way (EPERM) when it joins the groups.
            Messages.Write(context.Errors, "Can't open handler");
            return ExitCodes.OtherProblem;
        }

        int shown = 0;
        using (events)
        {
            // conntrack -E expect does not report overruns; the events it lost are simply not shown.
            foreach (var notification in events.ReadAll(stop.Token))
            {
                switch (notification)
                {
                    case ExpectationEvent expectationEvent:
                        printer.Print(expectationEvent.Expectation, expectationEvent.Type);
                        shown++;
                        break;
                    case UndecodableEvent skipped:
                        Messages.SkippedEvent(context.Errors, skipped);
                        break;
                }
            }
        }
        printer.Finish();
        Messages.Write(context.Errors, $"{shown} expectation events have been shown.");
        return ExitCodes.Success;
    }
}
