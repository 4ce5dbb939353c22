using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Cli.Output;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Commands;

/// <summary>
/// Dumps the kernel flags NLM_F_DUMP_INTR (the table changed while it was dumped): never a silently
/// partial result. -L reports conntrack's EINTR failure after what it printed; -D and -U dump again.
/// </summary>
public sealed class InterruptedDumpTests
{
    private static readonly byte[][] TwoEntries = [CapturedMessages.TcpEstablishedAssuredMarked, CapturedMessages.Udp];

    private static ScriptedKernel Kernel(int interruptedDumps)
    {
        var kernel = new ScriptedKernel { InterruptedDumps = interruptedDumps };
        kernel.Table.AddRange(TwoEntries);
        return kernel;
    }

    private static CommandRun Run(string commandLine, ScriptedKernel kernel, Func<ParsedCommand, NetCt.Conntrack.ConntrackClient, CommandContext, int> command)
    {
        using var client = kernel.Client();
        return CommandRun.Of(context => command(ParseCommand(commandLine), client, context));
    }

    [Fact]
    public void ListPrintsWhatItGotThenFailsWithConntracksInterruptedMessage()
    {
        var kernel = Kernel(interruptedDumps: 1);
        using var client = kernel.Client();
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        NetlinkException failure;
        using (var output = new OutputBuffer(stdout))
        {
            failure = Assert.Throws<NetlinkException>(() => ListCommand.Run(ParseCommand("-L"), client, new CommandContext(output, stderr, "netct")));
            output.Flush();
        }

        Assert.Equal((int)Errno.EINTR, failure.Errno);
        // libmnl's errno for an interrupted dump, worded by conntrack's err2str fallback (strerror).
        Assert.Equal("Interrupted system call", KernelErrorText.For(failure.Errno, CommandKind.List));
        Assert.Equal(2, System.Text.Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("", stderr.ToString());
        Assert.Equal(1, kernel.Dumps);
    }

    [Fact]
    public void AnUninterruptedListSucceeds()
    {
        var run = Run("-L", Kernel(interruptedDumps: 0), ListCommand.Run);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2 flow entries have been shown.\n", run.Stderr);
    }

    [Fact]
    public void DeleteDumpsAgainAfterAnInterruptionAndCountsEachEntryOnce()
    {
        var kernel = Kernel(interruptedDumps: 1);
        // The second dump still shows both entries (a real one would not): their deletes answer ENOENT.
        kernel.Answer = (index, request) => index >= 2 ? ScriptedKernel.Refusal(request, (int)Errno.ENOENT) : null;
        var run = Run("-D", kernel, DeleteCommand.Run);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, kernel.Dumps);
        Assert.Equal(4, kernel.Requests.Count);
        Assert.Equal("2 flow entries have been deleted.\n", run.Stderr);
        Assert.Equal(2, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void DeleteGivesUpWithEintrWhenEveryDumpIsInterrupted()
    {
        var kernel = Kernel(interruptedDumps: int.MaxValue);
        kernel.Answer = (index, request) => index >= 2 ? ScriptedKernel.Refusal(request, (int)Errno.ENOENT) : null;
        var failure = Assert.Throws<NetlinkException>(() => Run("-D", kernel, DeleteCommand.Run));

        Assert.Equal((int)Errno.EINTR, failure.Errno);
        Assert.Equal(InterruptedDumps.Attempts, kernel.Dumps);
    }

    [Fact]
    public void UpdateDumpsAgainAfterAnInterruption()
    {
        var kernel = Kernel(interruptedDumps: 1);
        // Every update answers ENOENT after the first pass: the entries it updated are gone.
        kernel.Answer = (index, request) => ScriptedKernel.TypeOf(request) == CntlMsgTypes.IPCTNL_MSG_CT_GET
            ? ScriptedKernel.Entry(request, TwoEntries[0])
            : index >= 4 ? ScriptedKernel.Refusal(request, (int)Errno.ENOENT) : null;
        var run = Run("-U -m 1", kernel, UpdateCommand.Run);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, kernel.Dumps);
        Assert.Equal("2 flow entries have been updated.\n", run.Stderr);
    }

    [Fact]
    public void UpdateGivesUpWithEintrWhenEveryDumpIsInterrupted()
    {
        var kernel = Kernel(interruptedDumps: int.MaxValue);
        kernel.Answer = (_, request) => ScriptedKernel.TypeOf(request) == CntlMsgTypes.IPCTNL_MSG_CT_GET ? ScriptedKernel.Entry(request, TwoEntries[0]) : null;
        var failure = Assert.Throws<NetlinkException>(() => Run("-U -m 1", kernel, UpdateCommand.Run));

        Assert.Equal((int)Errno.EINTR, failure.Errno);
        Assert.Equal(InterruptedDumps.Attempts, kernel.Dumps);
    }
}
