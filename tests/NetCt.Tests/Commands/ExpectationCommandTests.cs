using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Commands;

/// <summary>The expect-table commands against a scripted kernel: what is printed, returned and thrown.</summary>
public sealed class ExpectationCommandTests
{
    private const string DeleteLine = "-D expect -s 127.0.0.1 -d 127.0.0.1 -p udp --sport 0 --dport 40069 --reply-port-src 1 --reply-port-dst 2";

    private static CommandRun Run(string commandLine, ScriptedKernel kernel, Func<ParsedCommand, ConntrackClient, CommandContext, int> command)
    {
        ParsedCommand parsed = ParseCommand(commandLine);
        using var client = kernel.Client();
        return CommandRun.Of(context => command(parsed, client, context));
    }

    [Fact]
    public void ListPrintsEachExpectationAndTheCount()
    {
        var kernel = new ScriptedKernel { Table = { CapturedExpectations.FtpBehindNat, CapturedExpectations.Tftp } };

        var run = Run("-L expect", kernel, ExpectListCommand.Run);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("2 expectations have been shown.\n", run.Stderr);
    }

    [Fact]
    public void CountCountsTheDumpSilently()
    {
        var kernel = new ScriptedKernel { Table = { CapturedExpectations.FtpBehindNat, CapturedExpectations.Tftp } };

        var run = Run("-C expect", kernel, ExpectCountCommand.Run);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    // conntrack 1.4.8 says "0 expectations have been shown." and exits 1 after a successful delete.
    [Fact]
    public void DeleteReportsTheDeletionAndSucceeds()
    {
        var kernel = new ScriptedKernel();

        var run = Run(DeleteLine, kernel, ExpectDeleteCommand.Run);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("1 expectations have been deleted.\n", run.Stderr);
        var request = Assert.Single(kernel.Requests);
        Assert.Equal(NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_EXP, (byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_DELETE), BitConverter.ToUInt16(request, 4));
    }

    [Fact]
    public void DeleteOfAMissingExpectationIsTheKernelsEnoent()
    {
        var kernel = new ScriptedKernel { Answer = (_, request) => ScriptedKernel.Refusal(request, (int)Errno.ENOENT) };
        var e = Assert.Throws<NetlinkException>(() => Run(DeleteLine, kernel, ExpectDeleteCommand.Run));

        Assert.Equal((int)Errno.ENOENT, e.Errno);
        Assert.Equal("No such file or directory", KernelErrorText.For(e.Errno, CommandKind.ExpectDelete));
    }

    // Without CAP_NET_ADMIN conntrack says the table was emptied, then reports the refusal.
    [Fact]
    public void FlushClaimsSuccessBeforeTheRefusal()
    {
        var kernel = new ScriptedKernel { Answer = (_, request) => ScriptedKernel.Refusal(request, (int)Errno.EPERM) };
        var stderr = new StringWriter();

        var e = Assert.Throws<NetlinkException>(() =>
        {
            using var client = kernel.Client();
            using var output = new NetCt.Cli.Output.OutputBuffer(new MemoryStream());
            ExpectFlushCommand.Run(client, new CommandContext(output, stderr, "netct"));
        });

        Assert.Equal((int)Errno.EPERM, e.Errno);
        Assert.EndsWith(": expectation table has been emptied.\n", stderr.ToString());
    }
}
