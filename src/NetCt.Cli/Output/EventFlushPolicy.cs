namespace NetCt.Cli.Output;

/// <summary>
/// How <c>-E</c> flushes stdout. Each event is written at once when someone may be watching: a
/// terminal, a pipe or FIFO (<c>netct -E | grep</c>), a socket, or anything that cannot be examined.
/// Into a regular file or a device such as /dev/null events go in blocks of
/// <see cref="OutputBuffer.DefaultCapacity"/>, so a fast consumer is not slowed by a system call per
/// event. Either way the stream is flushed whenever the event socket has nothing more queued, so
/// no event waits in the buffer while the table is quiet, and at exit.
/// </summary>
/// <remarks>conntrack calls fflush(stdout) after every event, whatever stdout is.</remarks>
internal static class EventFlushPolicy
{
    public static bool FlushesEveryEvent(StandardOutputKind stdout) =>
        stdout is not (StandardOutputKind.RegularFile or StandardOutputKind.Device);
}
