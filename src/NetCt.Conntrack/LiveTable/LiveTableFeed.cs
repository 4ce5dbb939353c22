using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Keeps a <see cref="LiveTable"/> current on a thread of its own: it subscribes to the conntrack
/// events, dumps the table once into <see cref="LiveTable.Reconcile"/> (the events that arrive
/// meanwhile queue in the subscription and are applied after), then applies every event. After an
/// overrun, or a dump the kernel marked interrupted, it dumps again and reconciles (a resync).
/// </summary>
/// <remarks>
/// Events alone cannot keep the model true: with <c>net.netfilter.nf_conntrack_events=2</c> (the
/// default) the kernel gives an entry its event extension only if a listener existed when the entry
/// was created, so an entry older than the feed is deleted or expires without a DESTROY event, and
/// is refreshed by packets without an UPDATE. The feed therefore also reconciles with a dump every
/// <see cref="ReconcileIntervalFactor"/> times as long as the last dump took, and at least
/// <see cref="MinimumReconcileInterval"/> apart: a small table is corrected within seconds, and a
/// large one costs at most a fortieth of a core.
/// </remarks>
/// <example>
/// <code>
/// var table = new LiveTable();
/// using var feed = new LiveTableFeed(table, () => new ConntrackClient());
/// feed.Start();
/// feed.WaitUntilLoaded(TimeSpan.FromSeconds(10));
/// GroupTable states = table.Group(GroupingKind.ProtocolState, top: 10);
/// </code>
/// </example>
public sealed class LiveTableFeed : IDisposable
{
    private readonly LiveTable _table;
    private readonly Func<ConntrackClient> _connect;
    private readonly Action? _prepareThread;
    private readonly int? _receiveBufferSize;
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _loaded = new();
    private readonly System.Diagnostics.Stopwatch _sinceLastDump = new();
    private TimeSpan _reconcileInterval = MinimumReconcileInterval;
    private Thread? _thread;
    private volatile bool _redumpRequested;
    private volatile Exception? _failure;

    /// <param name="table">The model to keep current.</param>
    /// <param name="connect">Makes the client the feed uses (on the feed's thread, so its sockets open there).</param>
    /// <param name="prepareThread">Runs first on the feed's thread (for example entering a network namespace, which setns(2) does per thread); null for nothing.</param>
    /// <param name="receiveBufferSize">The event socket's receive buffer; null for <see cref="ConntrackClient.DefaultEventReceiveBufferSize"/>.</param>
    public LiveTableFeed(LiveTable table, Func<ConntrackClient> connect, Action? prepareThread = null, int? receiveBufferSize = null)
    {
        _table = table;
        _connect = connect;
        _prepareThread = prepareThread;
        _receiveBufferSize = receiveBufferSize;
    }

    /// <summary>The shortest time between two reconciling dumps.</summary>
    public static readonly TimeSpan MinimumReconcileInterval = TimeSpan.FromSeconds(5);

    /// <summary>How many times the last dump's duration passes before the next reconciling dump.</summary>
    public const int ReconcileIntervalFactor = 40;

    /// <summary>The model being fed.</summary>
    public LiveTable Table => _table;

    /// <summary>Whether the first dump is in the model.</summary>
    public bool IsLoaded => _loaded.IsSet;

    /// <summary>Why the feed stopped (a socket error, a refusal), or null while it runs.</summary>
    public Exception? Failure => _failure;

    /// <summary>Starts the feed's thread.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the feed is already running");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "netct live table" };
        _thread.Start();
    }

    /// <summary>Waits for the first dump (or a failure).</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Whether the first dump is in; false on timeout or failure (see <see cref="Failure"/>).</returns>
    public bool WaitUntilLoaded(TimeSpan timeout) => _loaded.Wait(timeout) && _failure is null;

    /// <summary>
    /// Asks for one more dump, reconciled like a resync but not counted as one: it refreshes what
    /// events do not carry (byte and packet counters, the timeouts that packets extend).
    /// </summary>
    public void RequestRedump() => _redumpRequested = true;

    /// <summary>Stops the thread and closes its sockets.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
        _loaded.Dispose();
    }

    private void Run()
    {
        try
        {
            _prepareThread?.Invoke();
            using ConntrackClient client = _connect();
            using ConntrackEventStream events = client.Listen(FlowEventTypes.All, null, _receiveBufferSize);
            ReserveForTable(client);
            Load(client, isResync: false);
            _loaded.Set();
            bool resync = false;
            while (!_stop.IsCancellationRequested)
            {
                if (resync || _redumpRequested || _sinceLastDump.Elapsed >= _reconcileInterval)
                {
                    _redumpRequested = false;
                    if (resync)
                    {
                        Drain(events);
                    }

                    Load(client, isResync: resync);
                    resync = false;
                }

                if (events.Read(100) is { } notification)
                {
                    _table.Apply(notification);
                    resync |= notification is EventOverrun;
                }
            }
        }
        catch (Exception e) when (e is NetlinkException or NetlinkDecodeException or IOException)
        {
            _failure = e;
            _loaded.Set();
        }
        catch (OperationCanceledException)
        {
            // Dispose cancelled a dump.
        }
    }

    /// <summary>
    /// Applies what the subscription has queued until its queue is empty. After an overrun the
    /// kernel reports no further drop until the queue has been emptied once (netlink's congestion
    /// bit), so a dump started with a full queue would lose the events of entries it misses,
    /// silently. Emptied first, a new overflow during the dump is reported and brings another
    /// resync. Under a burst faster than the model this waits for the burst to end, applying events
    /// meanwhile: a dump before then could not be trusted anyway.
    /// </summary>
    private void Drain(ConntrackEventStream events)
    {
        while (!_stop.IsCancellationRequested && events.Read(0) is { } notification)
        {
            _table.Apply(notification);
        }
    }

    /// <summary>Sizes the model for the whole table before the first dump (a filtered model stays small, and sizes itself as it fills).</summary>
    private void ReserveForTable(ConntrackClient client)
    {
        if (_table.Filter is not null)
        {
            return;
        }

        try
        {
            _table.Reserve((int)Math.Min(int.MaxValue, client.Count()));
        }
        catch (NetlinkException)
        {
            // A kernel that refuses the statistics request: the model grows as it fills instead.
        }
    }

    private void Load(ConntrackClient client, bool isResync)
    {
        _sinceLastDump.Restart();
        _table.Reconcile(client.DumpReusingEntry(_table.Filter, cancellationToken: _stop.Token), isResync);
        // An interrupted dump may have missed entries the events will not bring back: dump again.
        if (client.LastDumpInterrupted)
        {
            _table.Reconcile(client.DumpReusingEntry(_table.Filter, cancellationToken: _stop.Token), isResync: true);
        }

        TimeSpan took = _sinceLastDump.Elapsed;
        _reconcileInterval = took * ReconcileIntervalFactor > MinimumReconcileInterval ? took * ReconcileIntervalFactor : MinimumReconcileInterval;
        _sinceLastDump.Restart();
    }
}
