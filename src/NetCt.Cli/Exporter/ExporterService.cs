using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCt.Cli.Exporter.Exposition;
using NetCt.Cli.Exporter.Http;
using NetCt.Cli.Exporter.Metrics;
using NetCt.Cli.Exporter.Namespaces;

namespace NetCt.Cli.Exporter;

/// <summary>
/// The running exporter: the namespaces being watched (re-discovered every few seconds with
/// --all-netns), and the HTTP server that renders them at each scrape.
/// </summary>
internal sealed class ExporterService(NamespaceFleet fleet, Func<List<NamespaceTarget>>? discover, ExporterLog log)
{
    private static readonly TimeSpan RediscoveryInterval = TimeSpan.FromSeconds(5);

    private readonly long? _entryBytes = HostFactsReader.ReadEntryBytes();

    /// <summary>Serves on <paramref name="listener"/> until <paramref name="stop"/>.</summary>
    public void Run(Socket listener, CancellationToken stop)
    {
        var server = new HttpServer(listener, request => ExporterRoutes.Answer(request, Render), HttpServerLimits.Default, log.Write);
        Task serving = server.RunAsync(stop);
        if (discover is not null)
        {
            while (!stop.WaitHandle.WaitOne(RediscoveryInterval))
                fleet.Refresh(discover());
        }

        serving.GetAwaiter().GetResult();
    }

    /// <summary>One scrape's exposition: the snapshots of every namespace, then the families.</summary>
    public ReadOnlyMemory<byte> Render(ExpositionFormat format)
    {
        var clock = Stopwatch.StartNew();
        var snapshots = fleet.Snapshots();
        var host = new HostFacts(HostFactsReader.ReadBuckets(), _entryBytes);
        double seconds = clock.Elapsed.TotalSeconds;
        var output = new ArrayBufferWriter<byte>(16 * 1024);
        ConntrackMetrics.Write(new ExpositionWriter(output, format), snapshots, host, seconds);
        return output.WrittenMemory;
    }

    /// <summary>Listens on <paramref name="endpoint"/>; for the default (every address) falls back to IPv4 when the host has no IPv6.</summary>
    public static Socket Listen(IPEndPoint endpoint)
    {
        try
        {
            return HttpServer.Listen(endpoint);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressFamilyNotSupported && endpoint.Address.Equals(IPAddress.IPv6Any))
        {
            return HttpServer.Listen(new IPEndPoint(IPAddress.Any, endpoint.Port));
        }
    }
}
