using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-U</c>: update every entry that matches and would change, and print each as the kernel has it
/// afterwards. The dump is streamed; each matching entry gets its update and a read-back, pipelined.
/// </summary>
internal static class UpdateCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        int updated = Execute(command, client, context);
        Messages.Write(context.Errors, $"{updated} flow entries have been updated.");
        return updated == 0 ? ExitCodes.OtherProblem : ExitCodes.Success;
    }

    /// <summary>Updates and prints the entries; returns how many were updated.</summary>
    /// <exception cref="Netlink.NetlinkException">
    /// The kernel refused an update or a read-back (other than for an entry that vanished meanwhile),
    /// thrown once every entry the kernel did update has been printed; or EINTR when every dump of
    /// <see cref="InterruptedDumps.Attempts"/> was interrupted.
    /// </exception>
    public static int Execute(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var printer = FlowPrinter.ForCommand(FlowCommand.Update, context.Output, command.Output, command.Labels, errors: context.Errors);
        KernelRefusal? refusal = null;
        int updated = InterruptedDumps.Repeat(client, () =>
        {
            var run = new UpdateRun(command, printer);
            client.Pipeline(run.Requests(client.Dump(Filter(command))), run.OnResponse);
            refusal = run.Refusal;
            return run.Updated;
        });
        printer.Finish();
        refusal?.Throw();
        return updated;
    }

    /// <summary>
    /// The entries -U picks: like -L's filter, except that -m, -u and --state say what to set
    /// (conntrack's update callback compares neither the mark nor the status nor the protocol state).
    /// </summary>
    private static FlowFilter Filter(ParsedCommand command)
    {
        var filter = FlowFilterBuilder.Build(command);
        filter.Mark = null;
        filter.Status = null;
        filter.TcpState = null;
        filter.SctpState = null;
        filter.DccpState = null;
        return filter;
    }

    /// <summary>One -U: the requests it sends and what their answers mean.</summary>
    private sealed class UpdateRun(ParsedCommand command, FlowPrinter printer)
    {
        private bool _skipReadBack;

        public int Updated { get; private set; }

        public KernelRefusal? Refusal { get; private set; }

        public IEnumerable<FlowRequest> Requests(IEnumerable<Flow> entries)
        {
            foreach (var entry in entries)
            {
                if (UpdateChange.For(command, entry) is not { } change)
                    continue;
                yield return new FlowRequest(FlowOperation.Update, change);
                yield return new FlowRequest(FlowOperation.Get, change);
            }
        }

        public bool OnResponse(FlowResponse response)
        {
            if (response.Request.Operation == FlowOperation.Update)
            {
                // An entry that vanished since the dump is skipped, not reported.
                _skipReadBack = !response.IsSuccess;
                return response.IsSuccess || response.Errno == (int)Errno.ENOENT || Refuse(response);
            }

            if (_skipReadBack)
                return true;
            if (response.IsSuccess)
            {
                printer.Print(response.Entry!);
                Updated++;
                return true;
            }
            // The entry vanished between its update and its read-back.
            return response.Errno == (int)Errno.ENOENT || Refuse(response);
        }

        private bool Refuse(FlowResponse response)
        {
            Refusal ??= new KernelRefusal(response.Errno, response.ExtendedAckMessage);
            _skipReadBack = true;
            return false;
        }
    }
}
