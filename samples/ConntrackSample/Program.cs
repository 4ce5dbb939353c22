// NetCt.Conntrack sample: list the entries with a mark, delete the entries a filter selects, watch events.
//   dotnet run --project samples/ConntrackSample -- list 0x10/0xf0
//   dotnet run --project samples/ConntrackSample -- delete-udp-to 53
//   dotnet run --project samples/ConntrackSample -- watch        (until Ctrl-C)
// Needs CAP_NET_ADMIN; try it in a namespace of its own: unshare -n dotnet samples/.../ConntrackSample.dll list 0
using System.Globalization;
using NetCt.Conntrack;
using NetCt.Netlink;

if (args is not (["list", _] or ["delete-udp-to", _] or ["watch"]))
{
    Console.Error.WriteLine("usage: ConntrackSample list MARK[/MASK] | delete-udp-to PORT | watch");
    return 2;
}

using var client = new ConntrackClient();
try
{
    return args[0] switch
    {
        "list" => ListByMark(client, args[1]),
        "delete-udp-to" => DeleteUdpTo(client, ushort.Parse(args[1], CultureInfo.InvariantCulture)),
        _ => await WatchAsync(client),
    };
}
catch (NetlinkException e)
{
    // The kernel refused: e.Errno is the errno, e.Message includes the extended-ack text if any.
    Console.Error.WriteLine($"conntrack request failed: {e.Message}");
    return 1;
}

// Entries whose (mark & mask) == value. The kernel filters by mark itself (CTA_MARK/CTA_MARK_MASK),
// and Dump streams the entries one at a time, so a table of millions costs no more memory than one.
static int ListByMark(ConntrackClient client, string markText)
{
    string[] parts = markText.Split('/');
    var filter = new FlowFilter { Mark = ParseNumber(parts[0]) };
    if (parts.Length > 1)
        filter.MarkMask = ParseNumber(parts[1]);

    int count = 0;
    foreach (Flow flow in client.Dump(filter))
    {
        FlowTuple original = flow.Original!;
        Console.WriteLine($"{flow.Family} proto {flow.Protocol} {original.Source}:{original.SourcePort} -> {original.Destination}:{original.DestinationPort} mark {flow.Mark} status {flow.Status}");
        count++;
    }
    Console.WriteLine($"{count} entries{(client.LastDumpInterrupted ? " (the table changed during the dump: some may be missing)" : "")}");
    return 0;
}

// Deletes every UDP entry to a destination port. DeleteMany pipelines one delete per entry behind
// the dump (which runs on its own socket), and counts the entries that vanished in between apart.
static int DeleteUdpTo(ConntrackClient client, ushort port)
{
    var filter = new FlowFilter { Original = new FlowTuple { Protocol = 17, DestinationPort = port } };
    BatchResult result = client.DeleteMany(client.Dump(filter));
    Console.WriteLine($"deleted {result.Succeeded}, already gone {result.Vanished}, refused {result.Failed}");
    return result.Failed == 0 ? 0 : 1;
}

// Prints new and destroyed entries until Ctrl-C. The stream has its own socket with a large receive
// buffer; if the kernel still drops events, an EventOverrun says so and the stream goes on.
static async Task<int> WatchAsync(ConntrackClient client)
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    using ConntrackEventStream events = client.Listen(FlowEventTypes.New | FlowEventTypes.Destroy);
    await foreach (ConntrackNotification notification in events.ReadAllAsync(stop.Token))
    {
        switch (notification)
        {
            case FlowEvent e:
                Console.WriteLine($"{e.Type} {e.Flow.Family} proto {e.Flow.Protocol} {e.Flow.Original?.Source} -> {e.Flow.Original?.Destination}");
                break;
            case EventOverrun overrun:
                Console.Error.WriteLine($"the kernel dropped events ({overrun.OverrunCount} overruns so far)");
                break;
        }
    }
    return 0;
}

static uint ParseNumber(string text) =>
    text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        ? uint.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : uint.Parse(text, CultureInfo.InvariantCulture);
