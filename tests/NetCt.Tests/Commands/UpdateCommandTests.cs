using NetCt.Cli.Commands;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Commands;

/// <summary>-U against a scripted kernel: each change and read-back on the wire, and what is printed.</summary>
public sealed class UpdateCommandTests
{
    // Answers every GET with the entry the scripted table holds for it (here always the first).
    private static ScriptedKernel Kernel(params byte[][] table)
    {
        var kernel = new ScriptedKernel();
        kernel.Table.AddRange(table);
        kernel.Answer = (_, request) => ScriptedKernel.TypeOf(request) == CntlMsgTypes.IPCTNL_MSG_CT_GET ? ScriptedKernel.Entry(request, table[0]) : null;
        return kernel;
    }

    private static CommandRun Update(string commandLine, ScriptedKernel kernel)
    {
        using var client = kernel.Client();
        return CommandRun.Of(context => UpdateCommand.Run(ParseCommand(commandLine), client, context));
    }

    [Fact]
    public void EachUpdateIsFollowedByARead()
    {
        var kernel = Kernel(CapturedMessages.TcpEstablishedAssuredMarked);
        var run = Update("-U -m 1", kernel);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1 flow entries have been updated.\n", run.Stderr);
        Assert.Equal([CntlMsgTypes.IPCTNL_MSG_CT_NEW, CntlMsgTypes.IPCTNL_MSG_CT_GET], kernel.Requests.Select(ScriptedKernel.TypeOf));
        Assert.Equal(1u, ScriptedKernel.UInt32Of(kernel.Requests[0], CtattrType.CTA_MARK));
        // Printed as read back, the -U way (no ktimestamp).
        Assert.StartsWith("tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1234 dport=80", run.Stdout);
    }

    [Fact]
    public void AnUpdateOfATcpEntrySendsNoProtocolInfoUnlessAStateIsGiven()
    {
        // conntrack -U -p tcp -m 1 sends CTA_PROTOINFO (window-tracking flags) with every update.
        var kernel = Kernel(CapturedMessages.TcpEstablishedAssuredMarked);
        Update("-U -p tcp -m 1", kernel);
        Assert.False(ScriptedKernel.HasAttribute(kernel.Requests[0], CtattrType.CTA_PROTOINFO));

        kernel = Kernel(CapturedMessages.TcpEstablishedAssuredMarked);
        Update("-U -p tcp --state TIME_WAIT", kernel);
        Assert.True(ScriptedKernel.HasAttribute(kernel.Requests[0], CtattrType.CTA_PROTOINFO));
    }

    [Fact]
    public void TheEntrysZoneIsSent()
    {
        // conntrack sends none, so the kernel looks in zone 0.
        var kernel = Kernel(CapturedMessages.Ipv6TcpZone5);
        var run = Update("-U -m 1", kernel);

        Assert.Equal(0, run.ExitCode);
        Assert.All(kernel.Requests, request => Assert.True(ScriptedKernel.HasAttribute(request, CtattrType.CTA_ZONE)));
    }

    [Fact]
    public void AZoneSelectsTheEntries()
    {
        var kernel = Kernel(CapturedMessages.Ipv6TcpZone5, CapturedMessages.Udp);
        Update("-U -w 5 -m 1", kernel);

        Assert.Equal(2, kernel.Requests.Count);
    }

    [Fact]
    public void EntriesThatWouldNotChangeAreSkippedAndNotCounted()
    {
        var kernel = Kernel(CapturedMessages.TcpEstablishedAssuredMarked);
        var run = Update("-U -m 7", kernel);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("0 flow entries have been updated.\n", run.Stderr);
        Assert.Empty(kernel.Requests);
    }

    [Fact]
    public void NatAddressesOnlySelectTheEntries()
    {
        // conntrack -U -n ADDRESS sends the address too: "Operation failed: Operation not supported".
        var kernel = Kernel(CapturedMessages.SourceNat, CapturedMessages.Udp);
        var run = Update("-U -n 203.0.113.9 -m 1", kernel);

        Assert.Equal("1 flow entries have been updated.\n", run.Stderr);
        Assert.False(ScriptedKernel.HasAttribute(kernel.Requests[0], CtattrType.CTA_NAT_SRC));
    }

    [Fact]
    public void AnEntryThatVanishedIsSkipped()
    {
        var kernel = Kernel(CapturedMessages.TcpEstablishedAssuredMarked, CapturedMessages.Udp);
        kernel.Answer = (index, request) => index switch
        {
            0 => ScriptedKernel.Refusal(request, (int)Errno.ENOENT),
            1 => ScriptedKernel.Refusal(request, (int)Errno.ENOENT),
            3 => ScriptedKernel.Entry(request, CapturedMessages.Udp),
            _ => null,
        };
        var run = Update("-U -m 1", kernel);

        Assert.Equal("1 flow entries have been updated.\n", run.Stderr);
        Assert.StartsWith("udp ", run.Stdout);
    }

    [Fact]
    public void ALabelChangeForAnEntryWithoutRoomForLabelsIsRefused()
    {
        // The kernel answers ENOSPC when an entry has no label extension; conntrack 1.4.8 stops there
        // ("Operation failed: No space left on device").
        var kernel = Kernel(CapturedMessages.Udp);
        kernel.Answer = (index, request) => index == 0 ? ScriptedKernel.Refusal(request, (int)Errno.ENOSPC) : ScriptedKernel.Entry(request, CapturedMessages.Udp);
        using var client = kernel.Client();

        var error = Assert.Throws<NetlinkException>(() => CommandRun.Of(context => UpdateCommand.Run(ParseCommand("-U --label-add one"), client, context)));

        Assert.Equal((int)Errno.ENOSPC, error.Errno);
    }
}
