using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-D</c>: delete every entry that matches, with every filter of <c>-L</c>, and print each one
/// deleted. The dump is streamed and the deletes pipelined behind it.
/// </summary>
/// <remarks>
/// Each delete carries the entry's id (conntrack 1.4.8 sends none): an entry that expired and was
/// created again under the same tuple between the dump and the delete is left alone, as the kernel
/// answers ENOENT for a different id.
/// </remarks>
internal static class DeleteCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        int deleted = Execute(command, client, context);
        Messages.Write(context.Errors, $"{deleted} flow entries have been deleted.");
        return deleted == 0 ? ExitCodes.OtherProblem : ExitCodes.Success;
    }

    /// <summary>Deletes and prints the entries; returns how many were deleted.</summary>
    /// <exception cref="Netlink.NetlinkException">
    /// The kernel refused a delete (other than for an entry that vanished meanwhile), thrown once every
    /// entry the kernel did delete has been printed; or EINTR when every dump of
    /// <see cref="InterruptedDumps.Attempts"/> was interrupted.
    /// </exception>
    public static int Execute(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var printer = FlowPrinter.ForCommand(FlowCommand.Delete, context.Output, command.Output, command.Labels, errors: context.Errors);
        KernelRefusal? refusal = null;
        int deleted = InterruptedDumps.Repeat(client, () =>
        {
            int deletedInPass = 0;
            var requests = client.Dump(FlowFilterBuilder.Build(command)).Select(entry => new FlowRequest(FlowOperation.Delete, entry));
            client.Pipeline(requests, response =>
            {
                if (response.IsSuccess)
                {
                    printer.Print(response.Request.Flow);
                    deletedInPass++;
                    return true;
                }
                // Gone since the dump, by itself or by another process: not an error, and not counted.
                if (response.Errno == (int)Errno.ENOENT)
                    return true;
                refusal ??= new KernelRefusal(response.Errno, response.ExtendedAckMessage);
                return false;
            });
            return deletedInPass;
        });
        printer.Finish();
        refusal?.Throw();
        return deleted;
    }
}
