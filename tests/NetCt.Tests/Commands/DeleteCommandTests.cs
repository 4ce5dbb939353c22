using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Commands;

/// <summary>-D against a scripted kernel: what goes on the wire and what is printed and counted.</summary>
public sealed class DeleteCommandTests
{
    private static CommandRun Delete(string commandLine, ScriptedKernel kernel)
    {
        ParsedCommand command = ParseCommand(commandLine);
        using var client = kernel.Client();
        return CommandRun.Of(context => DeleteCommand.Run(command, client, context));
    }

    [Fact]
    public void EachDeleteCarriesTheEntrysId()
    {
        // conntrack 1.4.8 sends none: an entry recreated under the same tuple after the dump would go too.
        var kernel = new ScriptedKernel { Table = { CapturedMessages.TcpEstablishedAssuredMarked, CapturedMessages.Udp } };
        var run = Delete("-D", kernel);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2 flow entries have been deleted.\n", run.Stderr);
        Assert.All(kernel.Requests, request => Assert.Equal(CntlMsgTypes.IPCTNL_MSG_CT_DELETE, ScriptedKernel.TypeOf(request)));
        Assert.Equal([3656992300u, 524071917u], kernel.Requests.Select(request => ScriptedKernel.UInt32Of(request, CtattrType.CTA_ID)));
        // Both in one datagram, without an acknowledgement each.
        Assert.Equal(1, kernel.RequestDatagrams);
        Assert.All(kernel.Requests, request => Assert.Equal(0, (int)(ScriptedKernel.FlagsOf(request) & NetlinkMessageFlags.NLM_F_ACK)));
    }

    [Fact]
    public void TheZoneOfTheEntryIsSent()
    {
        var kernel = new ScriptedKernel { Table = { CapturedMessages.Ipv6TcpZone5 } };
        Delete("-D", kernel);

        Assert.True(ScriptedKernel.HasAttribute(Assert.Single(kernel.Requests), CtattrType.CTA_ZONE));
    }

    [Fact]
    public void AnEntryThatVanishedIsNeitherPrintedNorCounted()
    {
        // ENOENT: gone since the dump, or recreated under another id.
        var kernel = new ScriptedKernel
        {
            Table = { CapturedMessages.TcpEstablishedAssuredMarked, CapturedMessages.Udp },
            Answer = (index, request) => index == 0 ? ScriptedKernel.Refusal(request, (int)Errno.ENOENT) : null,
        };
        var run = Delete("-D", kernel);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1 flow entries have been deleted.\n", run.Stderr);
        Assert.StartsWith("udp      17 29 src=192.0.2.1 dst=198.51.100.2 sport=5353 dport=53", run.Stdout);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void NothingDeletedIsAFailure()
    {
        var run = Delete("-D -p icmp", new ScriptedKernel { Table = { CapturedMessages.Udp } });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("0 flow entries have been deleted.\n", run.Stderr);
    }

    [Fact]
    public void EntriesAreSavedAsDeleteLines()
    {
        var run = Delete("-D -o save", new ScriptedKernel { Table = { CapturedMessages.Udp } });

        Assert.StartsWith("-D -t 29 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p udp --sport 5353 --dport 53", run.Stdout);
    }

    [Fact]
    public void DeletesAlreadyMadeArePrintedBeforeARefusal()
    {
        var kernel = new ScriptedKernel
        {
            Table = { CapturedMessages.Udp, CapturedMessages.TcpEstablishedAssuredMarked },
            Answer = (index, request) => index == 0 ? ScriptedKernel.Refusal(request, (int)Errno.EBUSY) : null,
        };
        using var client = kernel.Client();
        var run = CommandRun.Of(context =>
        {
            try
            {
                return DeleteCommand.Run(ParseCommand("-D"), client, context);
            }
            catch (NetlinkException e)
            {
                return -e.Errno;
            }
        });

        // The second delete went out with the first and was done: it is printed, then the refusal
        // is raised (for conntrack's error message) without a summary.
        Assert.Equal(-(int)Errno.EBUSY, run.ExitCode);
        Assert.StartsWith("tcp      6 99 ESTABLISHED src=192.0.2.1", run.Stdout);
        Assert.Equal("", run.Stderr);
    }
}
