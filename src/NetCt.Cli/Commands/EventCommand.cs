using System.Runtime.InteropServices;
using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-E</c> on the conntrack table: print every event that matches the filters until SIGINT or
/// SIGTERM, then the summary, exit 0. Differs from conntrack on purpose: <c>-b</c> sizes the event
/// socket (conntrack sizes its command socket), the default buffer is large, an overrun is one
/// warning line with a running count and never ends the stream, and output to a regular file is
/// written in blocks (<see cref="EventFlushPolicy"/>).
/// </summary>
internal static class EventCommand
{
    private const int IdleWaitMilliseconds = 100;

    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var filter = FlowFilterBuilder.Build(command);
        ConntrackEventStream? opened = Open(command, filter, client, context);
        if (opened is null)
            return ExitCodes.OtherProblem;
        using var stream = opened;
        if (command.BufferSize is not null)
        {
            context.Errors.Write($"NOTICE: Netlink socket buffer size has been set to {stream.ReceiveBufferSize} bytes.\n");
            context.Errors.Flush();
        }

        var printer = FlowPrinter.ForEvents(context.Output, command.Output, command.Labels, errors: context.Errors);
        context.Output.LineBuffered = EventFlushPolicy.FlushesEveryEvent(context.StandardOutputKind);

        using var stop = new StopSignals();

        var senders = new NetlinkSenderNames();
        int shown = 0;
        bool resyncPending = false;
        while (!stop.Token.IsCancellationRequested)
        {
            var notification = stream.Read(0);
            if (notification is null && resyncPending)
            {
                // Once the queue has drained: a dump during the burst would only overrun it again.
                resyncPending = false;
                foreach (var flow in client.Dump(filter))
                    printer.PrintResync(flow);
                continue;
            }
            if (notification is null)
            {
                // Nothing queued: hand what is buffered to the reader before waiting.
                context.Output.Flush();
                notification = stream.Read(IdleWaitMilliseconds);
            }
            switch (notification)
            {
                case FlowEvent flowEvent:
                    string? program = flowEvent.IsFromUserspace ? senders.Find(flowEvent.SenderPortId) : null;
                    printer.PrintEvent(flowEvent.Flow, flowEvent.Type, flowEvent.SenderPortId, program);
                    shown++;
                    break;
                case EventOverrun overrun:
                    context.Errors.Write(OverrunWarning(overrun.OverrunCount));
                    context.Errors.Flush();
                    resyncPending |= command.Resync;
                    break;
                case UndecodableEvent skipped:
                    Messages.SkippedEvent(context.Errors, skipped);
                    break;
            }
        }

        printer.Finish();
        Messages.Write(context.Errors, $"{shown} flow events have been shown.");
        if (stream.OverrunCount > 0)
            Messages.Write(context.Errors, $"{stream.OverrunCount} overruns (ENOBUFS) have lost events.");
        return ExitCodes.Success;
    }

    // conntrack 1.4.8 opens its event socket with libmnl and reports a refusal (EPERM without
    // CAP_NET_ADMIN) with perror's line and its own, not with its err2str() text.
    private static ConntrackEventStream? Open(ParsedCommand command, FlowFilter filter, ConntrackClient client, CommandContext context)
    {
        try
        {
            return client.Listen(command.Events ?? FlowEventTypes.All, filter, ReceiveBufferOf(command.BufferSize));
        }
        catch (NetlinkException e)
        {
            context.Errors.Write($"mnl_socket_bind: {Marshal.GetPInvokeErrorMessage(e.Errno)}\n");
            Messages.Write(context.Errors, "Can't open netlink socket");
            return null;
        }
    }

    // conntrack prints three lines per overrun (the warning and a hint to read about --buffer-size);
    // netct keeps it to one, with the running count.
    internal static string OverrunWarning(long overruns) =>
        $"WARNING: We have hit ENOBUFS! We are losing events (overrun {overruns}); see --buffer-size and --resync in netct(8).\n";

    // The kernel reads setsockopt's value as an int: -b takes the low 32 bits of atol's result, as
    // for conntrack (which passes a size_t).
    internal static int? ReceiveBufferOf(ulong? bufferSize) => bufferSize is { } size ? unchecked((int)size) : null;
}
