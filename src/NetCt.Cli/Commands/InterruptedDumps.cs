using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>
/// What a command does when the kernel flags its dump NLM_F_DUMP_INTR (the table changed under the
/// dump, so entries may be missing or repeated). conntrack's libmnl stops with EINTR, "Operation
/// failed: Interrupted system call"; netct never returns a silently partial result either: -L reports
/// the same error after the entries it printed, and -D and -U, whose work is idempotent, run again
/// over a fresh dump (an entry already deleted or updated no longer matches or changes).
/// </summary>
internal static class InterruptedDumps
{
    /// <summary>How many dumps -D and -U try before they report the interruption.</summary>
    public const int Attempts = 3;

    /// <summary>Throws EINTR if the client's last dump was interrupted.</summary>
    public static void ThrowIfInterrupted(ConntrackClient client)
    {
        if (client.LastDumpInterrupted)
            throw new NetlinkException((int)Errno.EINTR);
    }

    /// <summary>Runs <paramref name="pass"/> (one dump and what it drives) until its dump is not interrupted; returns the sum of its counts.</summary>
    public static int Repeat(ConntrackClient client, Func<int> pass)
    {
        int total = 0;
        for (int attempt = 1; ; attempt++)
        {
            total += pass();
            if (!client.LastDumpInterrupted)
                return total;
            if (attempt == Attempts)
                ThrowIfInterrupted(client);
        }
    }
}
