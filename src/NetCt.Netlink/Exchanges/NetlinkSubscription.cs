using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// Multicast notifications (for example conntrack events), received one message at a time:
/// <c>while (subscription.MoveNext(token)) Handle(subscription.Current);</c>. Waits poll the socket
/// in slices of <see cref="PollIntervalMilliseconds"/> so cancellation (a signal handler cancelling a
/// token) is noticed promptly. A receive-queue overrun (ENOBUFS) is counted in
/// <see cref="OverrunCount"/> and reading continues: lost events never end the subscription.
/// </summary>
public sealed class NetlinkSubscription : IDisposable
{
    private readonly NetlinkReceiver _receiver;
    private readonly List<uint> _groups = [];
    private int _currentStart = -1;
    private int _currentLength;
    private bool _disposed;

    internal NetlinkSubscription(NetlinkReceiver receiver)
    {
        _receiver = receiver;
    }

    /// <summary>Times the kernel reported that the receive queue overflowed and notifications were lost.</summary>
    public long OverrunCount { get; private set; }

    /// <summary>Longest single wait inside <see cref="MoveNext"/> before it checks its cancellation token again (default 100 ms).</summary>
    public int PollIntervalMilliseconds { get; set; } = 100;

    /// <summary>The current notification; valid until the next receive.</summary>
    /// <exception cref="InvalidOperationException">No current message.</exception>
    public NetlinkMessage Current => _currentStart >= 0
        ? _receiver.MessageAt(_currentStart, _currentLength)
        : throw new InvalidOperationException("no current message: the last receive did not return one");

    /// <summary>Joins another multicast group.</summary>
    /// <param name="group">Group number.</param>
    public void Join(uint group)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _receiver.Socket.JoinGroup(group);
        _groups.Add(group);
    }

    /// <summary>Leaves a multicast group.</summary>
    /// <param name="group">Group number.</param>
    public void Leave(uint group)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _receiver.Socket.LeaveGroup(group);
        _groups.Remove(group);
    }

    /// <summary>Waits for the next notification until cancelled; overruns are counted and skipped.</summary>
    /// <param name="cancellationToken">Ends the wait; checked at least every <see cref="PollIntervalMilliseconds"/>.</param>
    /// <returns>True with a message in <see cref="Current"/>; false once cancelled.</returns>
    public bool MoveNext(CancellationToken cancellationToken = default)
    {
        int slice = cancellationToken.CanBeCanceled ? Math.Max(0, PollIntervalMilliseconds) : -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Receive(slice) == NetlinkReceiveResult.Message)
            {
                return true;
            }
        }

        _currentStart = -1;
        return false;
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for one notification.</summary>
    /// <param name="timeoutMilliseconds">0 to check without waiting, -1 to wait forever.</param>
    /// <returns>Whether a message arrived, the wait timed out, or an overrun was detected.</returns>
    /// <exception cref="NetlinkException">A system call failed with something other than ENOBUFS.</exception>
    public NetlinkReceiveResult Receive(int timeoutMilliseconds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _currentStart = -1;
        long deadline = timeoutMilliseconds > 0 ? Environment.TickCount64 + timeoutMilliseconds : 0;
        while (true)
        {
            if (_receiver.TryTakeMessage(out int start, out int length))
            {
                ushort type = _receiver.MessageAt(start, length).Type;
                if (type == NetlinkMessageTypes.NLMSG_OVERRUN)
                {
                    OverrunCount++;
                    return NetlinkReceiveResult.Overrun;
                }

                if (type < NetlinkMessageTypes.NLMSG_MIN_TYPE)
                {
                    continue;
                }

                _currentStart = start;
                _currentLength = length;
                return NetlinkReceiveResult.Message;
            }

            // Under a stream of events the next one is usually queued already: read first, and
            // poll only when nothing is.
            try
            {
                if (_receiver.Receive(dontWait: true, learnSizeFirst: false))
                {
                    continue;
                }
            }
            catch (NetlinkException e) when (e.Errno == (int)Errno.ENOBUFS)
            {
                OverrunCount++;
                return NetlinkReceiveResult.Overrun;
            }

            int wait = timeoutMilliseconds > 0
                ? (int)Math.Max(0, deadline - Environment.TickCount64)
                : timeoutMilliseconds;
            if (wait == 0 || !_receiver.Socket.WaitForReceive(wait))
            {
                return NetlinkReceiveResult.Timeout;
            }
        }
    }

    /// <summary>Leaves the groups this subscription joined.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _currentStart = -1;
        foreach (uint group in _groups)
        {
            try
            {
                _receiver.Socket.LeaveGroup(group);
            }
            catch (Exception e) when (e is NetlinkException or ObjectDisposedException)
            {
                // The socket is closing or already closed; membership ends with it.
            }
        }

        _groups.Clear();
    }
}
