using System.Globalization;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Exporter;

/// <summary>
/// <c>netct exporter</c> and a real Prometheus (Debian's package, in the test image) run side by side
/// in the test container, and Prometheus' HTTP API asked with python3's urllib (no curl in the image).
/// </summary>
internal sealed class PrometheusInContainer(ContainerFixture fixture)
{
    public const int PrometheusPort = 9090;

    /// <summary>The scrape interval: short, so that a test waits seconds, not minutes.</summary>
    public const double ScrapeSeconds = 1;

    // query|query_range PARAM=VALUE…: prints one line per series, "label=value,… VALUE" (or the values
    // of a range, "time:value …"), labels sorted, without instance; "metrics PORT" prints that page.
    // The image's python3-minimal has no http.client (so no urllib.request): HTTP/1.0 on a socket.
    private const string QueryScript = """
        import json, socket, sys, urllib.parse
        def get(port, target):
            s = socket.create_connection(('127.0.0.1', port), timeout=10)
            s.sendall(('GET ' + target + ' HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n').encode())
            data = b''
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            head, _, body = data.partition(b'\r\n\r\n')
            status = head.split(b'\r\n')[0].decode()
            if ' 200 ' not in status:
                sys.exit(status)
            return body.decode()
        kind = sys.argv[1]
        if kind == 'metrics':
            sys.stdout.write(get(int(sys.argv[2]), '/metrics')); sys.exit(0)
        params = dict(a.split('=', 1) for a in sys.argv[2:])
        data = json.loads(get(9090, '/api/v1/' + kind + '?' + urllib.parse.urlencode(params)))
        for r in data['data']['result']:
            labels = ','.join(k + '=' + v for k, v in sorted(r['metric'].items()) if k not in ('instance', '__name__'))
            if 'value' in r:
                print(labels, r['value'][1])
            else:
                print(labels, ' '.join(str(t) + ':' + v for t, v in r['values']))
        """;

    /// <summary>Starts <c>netct exporter ARGS --listen 127.0.0.1:PORT</c> in the background; its stderr goes to /tmp/exporter-PORT.err.</summary>
    public async Task StartExporterAsync(int port, params string[] args)
    {
        string arguments = string.Join(' ', args);
        await fixture.ShellCheckedAsync(
            $"rm -f /tmp/exporter-{port}.rc; nohup sh -c 'netct exporter --listen 127.0.0.1:{port} {arguments} 2>/tmp/exporter-{port}.err & " +
            $"echo $! >/tmp/exporter-{port}.pid; wait $!; echo $? >/tmp/exporter-{port}.rc' >/dev/null 2>&1 & " +
            $"for i in $(seq 50); do python3 /tmp/promq.py metrics {port} >/dev/null 2>&1 && exit 0; sleep 0.1; done; cat /tmp/exporter-{port}.err; exit 1");
    }

    /// <summary>Starts Prometheus scraping each port as its own job (job=exporter-PORT), and waits until every target is up.</summary>
    public async Task StartPrometheusAsync(params int[] ports)
    {
        await fixture.WriteFileAsync("/tmp/promq.py", QueryScript);
        string jobs = string.Concat(ports.Select(port =>
            $"  - job_name: exporter-{port}\n    static_configs:\n      - targets: ['127.0.0.1:{port}']\n"));
        await fixture.WriteFileAsync(
            "/tmp/prometheus.yml",
            $"global:\n  scrape_interval: {ScrapeSeconds.ToString(CultureInfo.InvariantCulture)}s\n  scrape_timeout: 900ms\nscrape_configs:\n{jobs}");
        await fixture.ShellCheckedAsync(
            "rm -rf /tmp/prometheus-data; nohup prometheus --config.file=/tmp/prometheus.yml --storage.tsdb.path=/tmp/prometheus-data " +
            $"--web.listen-address=127.0.0.1:{PrometheusPort} >/tmp/prometheus.log 2>&1 & echo $! >/tmp/prometheus.pid");
        await WaitForAsync("count(up == 1)", value => value == ports.Length, TimeSpan.FromSeconds(30));
    }

    /// <summary>Installs the query helper without Prometheus (for reading /metrics directly).</summary>
    public Task InstallQueryHelperAsync() => fixture.WriteFileAsync("/tmp/promq.py", QueryScript);

    /// <summary>The exporter's page, as a scraper gets it.</summary>
    public async Task<string> MetricsAsync(int port) =>
        (await fixture.ExecCheckedAsync("python3", "/tmp/promq.py", "metrics", port.ToString(CultureInfo.InvariantCulture))).Stdout;

    /// <summary>An instant query: series (labels without instance) to value.</summary>
    public async Task<Dictionary<string, double>> QueryAsync(string promql)
    {
        var result = await fixture.ExecAsync("python3", "/tmp/promq.py", "query", "query=" + promql);
        Assert.True(result.ExitCode == 0, $"query {promql}: {result}\n{(await fixture.ShellAsync("tail -5 /tmp/prometheus.log")).Stdout}");
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>A range query of one series: (time, value) pairs.</summary>
    public async Task<List<(double Time, double Value)>> QueryRangeAsync(string promql, double start, double end, double step)
    {
        var result = await fixture.ExecCheckedAsync(
            "python3", "/tmp/promq.py", "query_range", "query=" + promql,
            "start=" + start.ToString(CultureInfo.InvariantCulture), "end=" + end.ToString(CultureInfo.InvariantCulture), "step=" + step.ToString(CultureInfo.InvariantCulture));
        string line = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single();
        return line[(line.IndexOf(' ') + 1)..].Split(' ')
            .Select(pair => pair.Split(':'))
            .Select(pair => (double.Parse(pair[0], CultureInfo.InvariantCulture), double.Parse(pair[1], CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Polls a one-series query until <paramref name="accept"/> holds; fails with the last value after <paramref name="timeout"/>.</summary>
    public async Task<double> WaitForAsync(string promql, Func<double, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        double? last = null;
        while (true)
        {
            var result = await fixture.ExecAsync("python3", "/tmp/promq.py", "query", "query=" + promql);
            var values = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (result.ExitCode == 0 && values.Length == 1)
            {
                last = double.Parse(values[0].Split(' ')[1], CultureInfo.InvariantCulture);
                if (accept(last.Value))
                    return last.Value;
            }

            if (DateTime.UtcNow > deadline)
            {
                var log = await fixture.ShellAsync("tail -5 /tmp/prometheus.log; cat /tmp/exporter-*.err");
                Assert.Fail($"`{promql}` was {last?.ToString(CultureInfo.InvariantCulture) ?? "absent"} after {timeout.TotalSeconds} s\n{result}\n{log.Stdout}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The container's clock now, in Unix seconds (Prometheus' time).</summary>
    public async Task<double> NowAsync() =>
        double.Parse((await fixture.ExecCheckedAsync("date", "+%s.%N")).Stdout.Trim(), CultureInfo.InvariantCulture);

    /// <summary>What <c>netct -C</c> prints.</summary>
    public async Task<long> NetctCountAsync() =>
        long.Parse((await fixture.ExecCheckedAsync("netct", "-C")).Stdout.Trim(), CultureInfo.InvariantCulture);

    /// <summary>Stops the exporter on PORT with SIGTERM; its exit code and stderr.</summary>
    public async Task<(long ExitCode, string Stderr)> StopExporterAsync(int port)
    {
        var result = await fixture.ShellCheckedAsync(
            $"kill -TERM $(cat /tmp/exporter-{port}.pid); for i in $(seq 50); do [ -s /tmp/exporter-{port}.rc ] && break; sleep 0.1; done; cat /tmp/exporter-{port}.rc");
        return (long.Parse(result.Stdout.Trim(), CultureInfo.InvariantCulture), (await fixture.ExecCheckedAsync("cat", $"/tmp/exporter-{port}.err")).Stdout);
    }
}
