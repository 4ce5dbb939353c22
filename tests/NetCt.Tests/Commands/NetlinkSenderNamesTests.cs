using NetCt.Cli.Commands;

namespace NetCt.Tests.Commands;

/// <summary>The [USERSPACE] program lookup over a fake /proc: /proc/net/netlink, fd links, stat.</summary>
public sealed class NetlinkSenderNamesTests : IDisposable
{
    private const string NetlinkHeader = "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n";
    private readonly string _proc = Directory.CreateTempSubdirectory("netct-proc").FullName;

    public NetlinkSenderNamesTests()
    {
        Directory.CreateDirectory(Path.Combine(_proc, "net"));
        File.WriteAllText(Path.Combine(_proc, "net", "netlink"), NetlinkHeader +
            "ffff8a0c4d3f0000 0   4321       00000000 0        0        0     2        0        111     \n" +
            "ffff8a0c4d3f1000 12  4321       00000000 0        0        0     2        0        222     \n" +
            "ffff8a0c4d3f2000 12  3000000001 00000000 0        0        0     2        0        333     \n" +
            "ffff8a0c4d3f3000 12  77         00000000 0        0        0     2        0        444     \n");
        Process(4321, "conntrack", socketInode: 222);
        Process(900, "my (odd) tool", socketInode: 333);
    }

    [Fact]
    public void TheProcessWhosePidIsThePortIdIsTriedFirst() =>
        Assert.Equal("conntrack", new NetlinkSenderNames(_proc).Find(4321));

    [Fact]
    public void OtherwiseEveryProcessIsSearchedForTheSocketAndTheNameEndsAtTheFirstParenthesis() =>
        Assert.Equal("my (odd", new NetlinkSenderNames(_proc).Find(3000000001));

    [Fact]
    public void ASocketWithoutAProcessOrAnUnknownPortIdHasNoName()
    {
        var names = new NetlinkSenderNames(_proc);
        Assert.Null(names.Find(77));
        Assert.Null(names.Find(5));
    }

    public void Dispose() => Directory.Delete(_proc, recursive: true);

    private void Process(int pid, string name, ulong socketInode)
    {
        string fd = Path.Combine(_proc, pid.ToString(), "fd");
        Directory.CreateDirectory(fd);
        File.CreateSymbolicLink(Path.Combine(fd, "0"), "/dev/null");
        File.CreateSymbolicLink(Path.Combine(fd, "3"), $"socket:[{socketInode}]");
        File.WriteAllText(Path.Combine(_proc, pid.ToString(), "stat"), $"{pid} ({name}) S 1 1 1 0 -1\n");
    }
}
