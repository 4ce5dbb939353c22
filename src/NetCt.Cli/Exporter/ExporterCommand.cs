using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using NetCt.Cli.Commands;
using NetCt.Cli.Exporter.Namespaces;
using NetCt.Cli.Tree;

namespace NetCt.Cli.Exporter;

/// <summary>
/// <c>netct exporter</c>: serves the conntrack table's metrics to Prometheus until SIGTERM or SIGINT.
/// </summary>
internal static class ExporterCommand
{
    public const string Name = "exporter";

    public static NetctCommand Create(CommandContext context)
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Address and port to serve on: ADDR:PORT, [IPV6]:PORT, or :PORT for every address",
            HelpName = "ADDR:PORT",
            DefaultValueFactory = _ => ListenAddress.Default,
        };
        listen.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !ListenAddress.TryParse(result.Tokens[^1].Value, out _))
                result.AddError($"--listen: `{result.Tokens[^1].Value}' is not ADDR:PORT");
        });
        var netns = new Option<string[]>("--netns")
        {
            Description = "Watch this network namespace (a name under /run/netns or a path such as /proc/PID/ns/net); repeatable",
            HelpName = "NAME|PATH",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var allNetns = new Option<bool>("--all-netns")
        {
            Description = "Watch every named namespace and every namespace a process runs in, as they come and go",
        };
        var topSources = new Option<int>("--top-sources")
        {
            Description = "Also export entries by source address for the K busiest sources, the rest as source=\"other\"",
            HelpName = "K",
        }.ReadAsNumber(k => k is >= 1 and <= 1000, "--top-sources: K must be between 1 and 1000");

        var eventBuffer = new Option<int>("--event-buffer")
        {
            Description = "Receive buffer of each namespace's event socket in bytes (default 64 MiB); too small a buffer loses events, and the table is dumped again",
            HelpName = "BYTES",
        }.ReadAsNumber(bytes => bytes >= 1, "--event-buffer: BYTES must be between 1 and 2147483647");

        var command = new NetctCommand(Name, "Serve the conntrack table's metrics to Prometheus (GET /metrics)")
        {
            listen, netns, allNetns, topSources, eventBuffer,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(allNetns) && result.GetValue(netns) is { Length: > 0 })
                result.AddError("--all-netns and --netns exclude each other");
        });
        command.SetAction(parsed =>
        {
            ListenAddress.TryParse(parsed.GetValue(listen)!, out IPEndPoint? endpoint);
            var watch = new WatchOptions(parsed.GetValue(topSources), parsed.GetResult(eventBuffer) is null ? null : parsed.GetValue(eventBuffer));
            return Run(endpoint!, parsed.GetValue(netns) ?? [], parsed.GetValue(allNetns), watch, context);
        });
        return command;
    }

    private static int Run(IPEndPoint endpoint, string[] netns, bool allNetns, WatchOptions watch, CommandContext context)
    {
        var log = new ExporterLog(context.Errors);
        using var stop = new StopSignals();
        using var fleet = new NamespaceFleet(watch, log);
        List<NamespaceTarget> targets = allNetns
            ? NamespaceDiscovery.FindAll()
            : netns.Length > 0
                ? netns.Select(n => new NamespaceTarget(n, n, n)).ToList()
                : [new NamespaceTarget(null, null, "")];
        if (fleet.Refresh(targets) is { } failed && !allNetns)
            return failed;

        Socket listener;
        try
        {
            listener = ExporterService.Listen(endpoint);
        }
        catch (SocketException e)
        {
            log.Write($"can't listen on {endpoint}: {e.Message}");
            return ExitCodes.OtherProblem;
        }

        log.Write($"serving http://{listener.LocalEndPoint}{Http.ExporterRoutes.MetricsPath}");
        new ExporterService(fleet, allNetns ? NamespaceDiscovery.FindAll : null, log).Run(listener, stop.Token);
        return ExitCodes.Success;
    }
}
