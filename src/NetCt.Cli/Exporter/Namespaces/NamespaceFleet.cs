using NetCt.Cli.Exporter.Metrics;

namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>
/// The namespaces being watched, one <see cref="NamespaceWatcher"/> each. <see cref="Refresh"/> starts
/// watchers for namespaces that appeared and stops those whose namespace is gone, so their series
/// disappear from the next scrape.
/// </summary>
internal sealed class NamespaceFleet(WatchOptions options, ExporterLog log) : IDisposable
{
    private readonly Dictionary<string, NamespaceWatcher> _watchers = [];

    /// <summary>Watches exactly <paramref name="targets"/> from now on; null, or the exit code of the first that could not be entered.</summary>
    public int? Refresh(IReadOnlyList<NamespaceTarget> targets)
    {
        var wanted = targets.ToDictionary(t => t.Key);
        List<NamespaceWatcher> gone;
        lock (_watchers)
            gone = _watchers.Values.Where(w => !wanted.ContainsKey(w.Target.Key)).ToList();
        foreach (var watcher in gone)
        {
            lock (_watchers)
                _watchers.Remove(watcher.Target.Key);
            log.Write($"netns {watcher.Target.Label}: gone, no longer watched");
            watcher.Dispose();
        }

        int? firstFailure = null;
        foreach (var target in targets)
        {
            lock (_watchers)
            {
                if (_watchers.ContainsKey(target.Key))
                    continue;
            }

            var watcher = new NamespaceWatcher(target, options, log);
            if (watcher.Start() is { } failed)
            {
                firstFailure ??= failed;
                watcher.Dispose();
                continue;
            }

            lock (_watchers)
                _watchers[target.Key] = watcher;
        }

        return firstFailure;
    }

    /// <summary>Every watched namespace's numbers, in label order so that a scrape reads the same way each time.</summary>
    public List<NamespaceSnapshot> Snapshots()
    {
        NamespaceWatcher[] watchers;
        lock (_watchers)
            watchers = [.. _watchers.Values];
        return watchers.OrderBy(w => w.Target.Label, StringComparer.Ordinal).Select(w => w.Snapshot()).ToList();
    }

    public void Dispose()
    {
        NamespaceWatcher[] watchers;
        lock (_watchers)
        {
            watchers = [.. _watchers.Values];
            _watchers.Clear();
        }

        foreach (var watcher in watchers)
            watcher.Dispose();
    }
}
