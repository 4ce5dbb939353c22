using NetCt.Cli.Commands;
using NetCt.Cli.Exporter.Metrics;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>
/// One namespace's sockets and live table model, on a thread of its own. setns(2) moves only the
/// calling thread, and a netlink socket belongs to the namespace of the thread that opened it, so this
/// thread enters the namespace first (the model's event loop runs here) and the request client opens
/// its sockets through <see cref="NamespaceSockets"/>, whichever thread (a scrape's) first uses it, under
/// a lock. A socket that fails is closed and reopened.
/// </summary>
internal sealed class NamespaceWatcher : IDisposable
{
    private static readonly TimeSpan ReopenDelay = TimeSpan.FromSeconds(1);

    private readonly Func<ITableModel>? _createModel;
    private readonly ExporterLog _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _reopen = new(0, 1);
    private readonly TaskCompletionSource<int?> _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly Thread _thread;
    private NamespaceSockets? _sockets;
    private ConntrackClient? _client;
    private ITableModel? _model;

    public NamespaceWatcher(NamespaceTarget target, Func<ITableModel>? createModel, ExporterLog log)
    {
        Target = target;
        _createModel = createModel;
        _log = log;
        _thread = new Thread(Run) { IsBackground = true, Name = "netns " + (target.Label ?? "(own)") };
    }

    public NamespaceTarget Target { get; }

    /// <summary>Starts the thread and waits until it is in the namespace; null, or the exit code after the one line that says why it could not enter.</summary>
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
                _log.Recovered(Target.Label);
                return new NamespaceSnapshot(Target.Label, true, global.Entries, global.MaxEntries, cpus, expectations, _model?.Summarize());
            }
            catch (Exception e) when (e is NetlinkException or NetlinkDecodeException or ObjectDisposedException)
            {
                _log.Problem(Target.Label, $"reading the table failed: {e.Message}; reopening the netlink socket");
                RequestReopen();
                return Down();
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        RequestReopen();
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
        if (Target.Path is { } path)
        {
            int? failed = NetworkNamespaceSwitch.Enter(path, _log.Errors);
            if (failed is null)
            {
                _sockets = NamespaceSockets.OfCurrentThread(out string? problem);
                if (_sockets is null)
                {
                    _log.Problem(Target.Label, $"can't open /proc/thread-self/ns/net: {problem}");
                    failed = ExitCodes.OtherProblem;
                }
            }

            _entered.SetResult(failed);
            if (failed is not null)
                return;
        }
        else
        {
            _entered.SetResult(null);
        }

        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Open();
                // The model's event loop runs here until it fails or the exporter stops; without a
                // model the thread only waits to reopen its socket.
                if (_model is { } model)
                    model.Run(_stop.Token);
                else
                    _reopen.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is NetlinkException or NetlinkDecodeException or IOException or ObjectDisposedException)
            {
                _log.Problem(Target.Label, $"netlink socket lost: {e.Message}; reopening");
            }

            Close();
            if (_stop.Token.WaitHandle.WaitOne(ReopenDelay))
                break;
        }

        Close();
        _sockets?.Dispose();
    }

    private void Open()
    {
        var client = _sockets is { } sockets ? new ConntrackClient(sockets.Open) : new ConntrackClient();
        ITableModel? model = _createModel?.Invoke();
        lock (_gate)
        {
            _client = client;
            _model = model;
        }
    }

    private void Close()
    {
        lock (_gate)
        {
            _model?.Dispose();
            _client?.Dispose();
            _model = null;
            _client = null;
        }
    }
}
