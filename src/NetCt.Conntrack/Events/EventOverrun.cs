namespace NetCt.Conntrack;

/// <summary>
/// The socket's receive queue overflowed (ENOBUFS): the kernel dropped events that did not fit, and
/// the stream goes on with the next one. A consumer that keeps state can re-read the table
/// (<see cref="ConntrackClient.Dump"/>) to resynchronise.
/// </summary>
/// <param name="OverrunCount">Overruns so far on this stream, this one included.</param>
public sealed record EventOverrun(long OverrunCount) : ConntrackNotification;
