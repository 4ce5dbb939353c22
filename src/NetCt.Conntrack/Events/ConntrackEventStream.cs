using System.Collections;
using System.Runtime.CompilerServices;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Conntrack or expectation events as they happen, from <see cref="ConntrackClient.Listen"/> or
/// <see cref="ConntrackClient.ListenExpectations"/>, on a socket of their own. Enumerate it (blocking; or <see cref="ReadAll"/> / <see cref="ReadAllAsync"/> with a
/// cancellation token), or poll with <see cref="Read"/>. Receive-queue overruns never end the stream:
/// each one is reported as an <see cref="EventOverrun"/> in its place and reading goes on; nor does a
/// message that does not decode, reported as an <see cref="UndecodableEvent"/>. Events
/// that do not match the listener's filter are skipped. Not thread-safe; dispose it to leave the
/// multicast groups and close the socket.
/// </summary>
/// <example>
/// <code>
/// using var client = new ConntrackClient();
/// using var events = client.Listen(FlowEventTypes.New | FlowEventTypes.Destroy);
/// foreach (ConntrackNotification n in events.ReadAll(token))
///     if (n is FlowEvent e) Console.WriteLine($"{e.Type} {e.Flow.Original?.Source}");
/// </code>
/// </example>
public sealed class ConntrackEventStream : IEnumerable<ConntrackNotification>, IDisposable
{
    private readonly NetlinkConnection _connection;
    private readonly NetlinkSubscription _subscription;
    private readonly Func<NetlinkMessage, ConntrackNotification?> _decode;
    private bool _disposed;

    /// <param name="connection">The stream's own connection.</param>
    /// <param name="subscription">Its groups, joined.</param>
    /// <param name="decode">Turns a message into the event to return, or null to skip it (another type, or filtered out).</param>
    internal ConntrackEventStream(NetlinkConnection connection, NetlinkSubscription subscription, Func<NetlinkMessage, ConntrackNotification?> decode)
    {
        _connection = connection;
        _subscription = subscription;
        _decode = decode;
    }

    /// <summary>The socket's effective receive buffer, in bytes (SO_RCVBUF as the kernel reports it: twice what was set).</summary>
    public int ReceiveBufferSize => _connection.Socket.ReceiveBufferSize;

    /// <summary>Overruns (ENOBUFS) seen so far.</summary>
    public long OverrunCount => _subscription.OverrunCount;

    /// <summary>Longest single wait of <see cref="ReadAll"/> and <see cref="ReadAllAsync"/> before they check their token again (default 100 ms).</summary>
    public int PollIntervalMilliseconds { get; set; } = 100;

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for the next event that matches the listener's filter, or an overrun.</summary>
    /// <param name="timeoutMilliseconds">0 to take only what is already queued, -1 to wait forever.</param>
    /// <returns>A <see cref="FlowEvent"/> or <see cref="ExpectationEvent"/>, an <see cref="EventOverrun"/> or an <see cref="UndecodableEvent"/>; null when the time ran out.</returns>
    /// <exception cref="NetlinkException">A system call failed (other than ENOBUFS).</exception>
    public ConntrackNotification? Read(int timeoutMilliseconds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long deadline = timeoutMilliseconds > 0 ? Environment.TickCount64 + timeoutMilliseconds : 0;
        int wait = timeoutMilliseconds;
        while (true)
        {
            switch (_subscription.Receive(wait))
            {
                case NetlinkReceiveResult.Timeout:
                    return null;
                case NetlinkReceiveResult.Overrun:
                    return new EventOverrun(_subscription.OverrunCount);
            }

            ConntrackNotification? notification;
            try
            {
                notification = _decode(_subscription.Current);
            }
            catch (NetlinkDecodeException e)
            {
                return new UndecodableEvent(e.Message);
            }

            if (notification is not null)
            {
                return notification;
            }

            if (timeoutMilliseconds > 0)
            {
                wait = (int)Math.Max(0, deadline - Environment.TickCount64);
            }
        }
    }

    /// <summary>Every event and overrun until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Ends the enumeration; checked at least every <see cref="PollIntervalMilliseconds"/>.</param>
    /// <returns>The notifications, received as they are enumerated.</returns>
    public IEnumerable<ConntrackNotification> ReadAll(CancellationToken cancellationToken = default)
    {
        int slice = cancellationToken.CanBeCanceled ? Math.Max(1, PollIntervalMilliseconds) : -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Read(slice) is { } notification)
            {
                yield return notification;
            }
        }
    }

    /// <summary>
    /// Every event and overrun until <paramref name="cancellationToken"/> is cancelled, without
    /// blocking the caller's thread: what is already queued is returned at once, and waits run on
    /// the thread pool in slices of <see cref="PollIntervalMilliseconds"/>.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration (normally, without an exception).</param>
    /// <returns>The notifications.</returns>
    public async IAsyncEnumerable<ConntrackNotification> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        int slice = Math.Max(1, PollIntervalMilliseconds);
        while (!cancellationToken.IsCancellationRequested)
        {
            ConntrackNotification? notification = Read(0) ?? await Task.Run(() => Read(slice), CancellationToken.None).ConfigureAwait(false);
            if (notification is not null)
            {
                yield return notification;
            }
        }
    }

    /// <summary>Enumerates forever (see <see cref="ReadAll"/>).</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<ConntrackNotification> GetEnumerator() => ReadAll().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Leaves the multicast groups and closes the socket.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _subscription.Dispose();
        _connection.Dispose();
    }
}
