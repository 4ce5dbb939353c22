using NetCt.Cli.Commands;
using NetCt.Cli.Exporter.Metrics;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>
/// One namespace: a <see cref="LiveTable"/> kept current by a <see cref="LiveTableFeed"/> (one dump,
/// then events, a re-dump after an overrun) and a request client for the few small requests of a
/// scrape. setns(2) moves only the calling thread and a netlink socket belongs to the namespace of
/// the thread that opened it, so the feed's thread enters the namespace before it opens its sockets
/// and the request client opens its own through <see cref="NamespaceSockets"/>, whichever thread
/// first uses it. A supervising thread reopens both when either fails (a lost socket), keeping the
/// same model so its counters go on.
/// </summary>
internal sealed class NamespaceWatcher : IDisposable
{
    private static readonly TimeSpan ReopenDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SupervisionInterval = TimeSpan.FromMilliseconds(200);

    private readonly WatchOptions _options;
    private readonly ExporterLog _log;
    private readonly LiveTable _table;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _reopen = new(0, 1);
    private readonly TaskCompletionSource<int?> _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly Thread _thread;
    private NamespaceSockets? _sockets;
    private ConntrackClient? _client;
    private LiveTableFeed? _feed;

    public NamespaceWatcher(NamespaceTarget target, WatchOptions options, ExporterLog log)
    {
        Target = target;
        _options = options;
        _log = log;
        _table = new LiveTable(new LiveTableOptions { Groupings = TableSummaries.Groupings(options.TopSources) });
        _thread = new Thread(Run) { IsBackground = true, Name = "netns " + (target.Label ?? "(own)") };
    }

    public NamespaceTarget Target { get; }

    /// <summary>Starts watching and waits until the namespace is entered; null, or the exit code after the one line that says why it could not be.</summary>
    public int? Start()
    {
        _thread.Start();
        return _entered.Task.GetAwaiter().GetResult();
    }

    /// <summary>This namespace's numbers now: a few small netlink requests and the model's aggregates, never a dump of the table.</summary>
    public NamespaceSnapshot Snapshot()
    {
        lock (_gate)
        {
            if (_client is not { } client)
                return Down();
            try
            {
                GlobalStatistics global = client.GetGlobalStatistics();
                var cpus = client.GetCpuStatistics().ToList();
                long expectations = client.DumpExpectations().LongCount();
                TableSummary? table = _feed is { IsLoaded: true, Failure: null } ? TableSummaries.From(_table, _options.TopSources) : null;
                _log.Recovered(Target.Label);
                return new NamespaceSnapshot(Target.Label, true, global.Entries, global.MaxEntries, cpus, expectations, table);
            }
            catch (Exception e) when (e is NetlinkException or NetlinkDecodeException or IOException or ObjectDisposedException)
            {
                _log.Problem(Target.Label, $"reading the table failed: {e.Message}; reopening the netlink sockets");
                RequestReopen();
                return Down();
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (_thread.IsAlive)
            _thread.Join();
        _stop.Dispose();
        _reopen.Dispose();
    }

    private NamespaceSnapshot Down() => new(Target.Label, false, null, null, [], null, null);

    private void RequestReopen()
    {
        try
        {
            _reopen.Release();
        }
        catch (SemaphoreFullException)
        {
            // A reopen is already asked for.
        }
    }

    private void Run()
    {
        if (!Enter())
            return;

        while (!_stop.IsCancellationRequested)
        {
            Open();
            string? problem = Supervise();
            Close();
            if (problem is null)
                break;
            _log.Problem(Target.Label, problem);
            if (_stop.Token.WaitHandle.WaitOne(ReopenDelay))
                break;
        }

        _sockets?.Dispose();
    }

    // Enters the namespace on this thread, only to check it (and say why not in the words --netns
    // uses everywhere); the sockets are opened by other threads through the descriptor kept here.
    private bool Enter()
    {
        int? failed = null;
        if (Target.Path is { } path)
        {
            if (NetworkNamespaceSwitch.TryEnter(path) is { } refusal)
            {
                _log.Problem(Target.Label, refusal.Message);
                failed = refusal.ExitCode;
            }
            else
            {
                _sockets = NamespaceSockets.OfCurrentThread(out string? problem);
                if (_sockets is null)
                {
                    _log.Problem(Target.Label, $"can't open /proc/thread-self/ns/net: {problem}");
                    failed = ExitCodes.OtherProblem;
                }
            }
        }

        _entered.SetResult(failed);
        return failed is null;
    }

    // Waits while the feed runs; returns why it must be reopened, or null when the exporter stops.
    private string? Supervise()
    {
        while (true)
        {
            try
            {
                if (_reopen.Wait(SupervisionInterval, _stop.Token))
                    return "reopening the netlink sockets";
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            if (_feed?.Failure is { } failure)
                return $"netlink event socket lost: {failure.Message}; reopening";
        }
    }

    private void Open()
    {
        NamespaceSockets? sockets = _sockets;
        var client = sockets is null ? new ConntrackClient() : new ConntrackClient(sockets.Open);
        var feed = new LiveTableFeed(_table, () => new ConntrackClient(), sockets is null ? null : sockets.EnterOnCurrentThread, _options.EventBufferBytes);
        feed.Start();
        lock (_gate)
        {
            _client = client;
            _feed = feed;
        }
    }

    private void Close()
    {
        LiveTableFeed? feed;
        lock (_gate)
        {
            feed = _feed;
            _client?.Dispose();
            _client = null;
            _feed = null;
        }

        feed?.Dispose();
    }
}
