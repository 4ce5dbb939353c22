using System.Globalization;

namespace NetCt.Cli.Commands;

/// <summary>
/// Finds the name of the program that owns a NETLINK_NETFILTER socket, for the
/// <c>[USERSPACE] portid=N progname=NAME</c> suffix of events, the way conntrack 1.4.8 does: the
/// socket's inode from /proc/net/netlink, then the process whose /proc/PID/fd holds
/// <c>socket:[inode]</c> (trying PID = port id first, as most programs bind their pid), then the
/// name in /proc/PID/stat. The last answer is remembered per port id and inode; unlike conntrack,
/// which reads /proc/net/netlink again for every event, netct trusts it for up to a second for the
/// same port id, so a burst of events from one process (<c>-R</c>) costs one lookup, not one per event.
/// </summary>
internal sealed class NetlinkSenderNames(string procRoot = "/proc")
{
    private const int NetlinkNetfilter = 12;
    private const long RevalidateMilliseconds = 1000;

    private uint _lastPortId;
    private ulong _lastInode;
    private string? _lastName;
    private long _lastChecked = long.MinValue;

    /// <summary>The program name, or null when the socket or its process is gone (the process may have exited already).</summary>
    public string? Find(uint portId)
    {
        long now = Environment.TickCount64;
        if (portId == _lastPortId && now - _lastChecked < RevalidateMilliseconds)
            return _lastName;
        _lastChecked = now;
        if (SocketInode(portId) is not { } inode)
        {
            _lastPortId = 0;
            return null;
        }
        if (portId == _lastPortId && inode == _lastInode)
            return _lastName;
        _lastPortId = portId;
        _lastInode = inode;
        _lastName = FindOwner(portId, inode);
        return _lastName;
    }

    private ulong? SocketInode(uint portId)
    {
        try
        {
            foreach (string line in File.ReadLines(Path.Combine(procRoot, "net", "netlink")))
            {
                // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 10
                    && int.TryParse(fields[1], CultureInfo.InvariantCulture, out int protocol) && protocol == NetlinkNetfilter
                    && uint.TryParse(fields[2], CultureInfo.InvariantCulture, out uint port) && port == portId
                    && ulong.TryParse(fields[9], CultureInfo.InvariantCulture, out ulong inode))
                    return inode;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    private string? FindOwner(uint portId, ulong inode)
    {
        string socketLink = $"socket:[{inode}]";
        if (NameIfOwner(portId.ToString(CultureInfo.InvariantCulture), socketLink) is { } name)
            return name;
        try
        {
            foreach (string directory in Directory.EnumerateDirectories(procRoot))
            {
                string pid = Path.GetFileName(directory);
                if (!ulong.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out ulong number) || number <= 1 || number == portId)
                    continue;
                if (NameIfOwner(pid, socketLink) is { } owner)
                    return owner;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    private string? NameIfOwner(string pid, string socketLink)
    {
        try
        {
            foreach (string fd in Directory.EnumerateFileSystemEntries(Path.Combine(procRoot, pid, "fd")))
            {
                if (new FileInfo(fd).LinkTarget == socketLink)
                    return ProgramName(pid);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    // "%*u (%m[^)]": the command name up to the first ')'.
    private string? ProgramName(string pid)
    {
        string stat = File.ReadAllText(Path.Combine(procRoot, pid, "stat"));
        int open = stat.IndexOf('(');
        if (open < 0)
            return null;
        int close = stat.IndexOf(')', open + 1);
        string name = close < 0 ? stat[(open + 1)..] : stat[(open + 1)..close];
        return name.Length == 0 ? null : name;
    }
}
