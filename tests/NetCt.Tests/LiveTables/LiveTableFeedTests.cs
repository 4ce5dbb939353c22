using System.Buffers.Binary;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;
using static NetCt.Tests.LiveTables.ScriptedFlows;

namespace NetCt.Tests.LiveTables;

/// <summary>
/// <see cref="LiveTableFeed"/> against a scripted kernel: its event socket delivers events, then
/// ENOBUFS, then more events; its dump socket answers each dump with the table as the kernel has it
/// then. The feed must drain what is queued, re-dump and reconcile, so the model ends equal to the
/// kernel's table.
/// </summary>
public sealed class LiveTableFeedTests
{
    private const int Enobufs = 105;
    private const int Eopnotsupp = 95;
    private const ushort CtDelete = (NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK << 8) | (byte)CntlMsgTypes.IPCTNL_MSG_CT_DELETE;
    private const ushort CtGetStats = (NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK << 8) | (byte)CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS;

    [Fact]
    public void AnOverrunIsDrainedThenResyncedWithNoGhostNorMissingRow()
    {
        Flow a = Tcp(1, "192.0.2.1", "198.51.100.1", 40001, 443);
        Flow b = Tcp(2, "192.0.2.2", "198.51.100.1", 40002, 443, mark: 1);
        Flow f = Udp(6, "192.0.2.6", "198.51.100.53", 53);
        Flow c = Udp(3, "192.0.2.3", "198.51.100.53", 53);
        Flow d = Udp(4, "192.0.2.4", "198.51.100.53", 53);
        Flow bMarked = Tcp(2, "192.0.2.2", "198.51.100.1", 40002, 443, mark: 9);
        Flow e = Tcp(5, "192.0.2.5", "198.51.100.1", 40005, 443);
        var kernel = new ScriptedConntrack(
            // The first dump, then the resync's: the overrun lost the DESTROY of f, the NEW of e and the mark change of b.
            [[a, b, f], [bMarked, c, d, e]]);
        kernel.Events.Enqueue(Event(c, Requests.CtNew, NetlinkMessageFlags.NLM_F_CREATE | NetlinkMessageFlags.NLM_F_EXCL));
        kernel.Events.EnqueueError(Enobufs);
        // Queued after the overrun: applied before the resync dump starts.
        kernel.Events.Enqueue(Event(d, Requests.CtNew, NetlinkMessageFlags.NLM_F_CREATE | NetlinkMessageFlags.NLM_F_EXCL));
        kernel.Events.Enqueue(Event(a, CtDelete, 0));

        var table = new LiveTable();
        kernel.Watch(table);
        using (var feed = new LiveTableFeed(table, kernel.Client))
        {
            feed.Start();
            Assert.True(feed.WaitUntilLoaded(TimeSpan.FromSeconds(10)), feed.Failure?.ToString());
            // Resyncs counts a resync when it starts: wait for the model to reach the kernel's table
            // too, or the feed would be stopped in the middle of the reconciling dump.
            Assert.True(
                SpinWait.SpinUntil(() => table.Counters.Resyncs == 1 && kernel.DumpsAnswered == 2 && Ids(table).SequenceEqual([2u, 3u, 4u, 5u]), TimeSpan.FromSeconds(10)),
                $"no resync to the kernel's table: the model has {string.Join(' ', Ids(table))}");
            Assert.Null(feed.Failure);
        }

        // The first dump leaves the events queued (they apply on top of it); the resync's starts with the queue drained.
        Assert.Equal([4, 0], kernel.EventsQueuedAtDump);
        // Before the resync: the first dump, the NEW of c, then the drained NEW of d and DESTROY of a.
        Assert.Equal([[], [2u, 3u, 4u, 6u]], kernel.ModelAtDump);
        Assert.Equal([2u, 3u, 4u, 5u], Ids(table));
        Assert.True(table.TryGet(2, out LiveEntry marked));
        Assert.Equal(9u, marked.Mark);
        LiveTableCounters counters = table.Counters;
        Assert.Equal((1L, 1L, 2L, 1L), (counters.Overruns, counters.Resyncs, counters.NewEvents, counters.DestroyEvents));
        Assert.Equal(4, table.Group(GroupingKind.Source, 10).Rows.Sum(row => row.Totals.Entries));
    }

    private static uint[] Ids(LiveTable table) => [.. table.Query(EntrySortKey.Id, false, 0, 100).Rows.Select(entry => entry.Id).Order()];

    private static byte[] Event(Flow flow, ushort type, NetlinkMessageFlags flags) => EntryMessage(flow, type, flags, sequence: 0);

    private static byte[] EntryMessage(Flow flow, ushort type, NetlinkMessageFlags flags, uint sequence)
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(type, flags, sequence, (byte)FlowEncoder.FamilyOf(flow));
        FlowEncoder.WriteNew(writer, flow);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_ID, flow.Id!.Value);
        writer.EndMessage();
        return writer.GetMessage(0).ToArray();
    }

    /// <summary>
    /// The kernel's side of a feed: the first socket the client opens is the event socket (the feed
    /// subscribes first); every later one answers dumps with the next scripted table, and the count
    /// request with a refusal (the feed then sizes the model as it fills).
    /// </summary>
    private sealed class ScriptedConntrack(Flow[][] dumps)
    {
        private bool _eventsOpened;
        private LiveTable? _table;

        public FakeNetlinkSocket Events { get; } = new();

        public int DumpsAnswered { get; private set; }

        /// <summary>Events still queued on the event socket when each dump was asked for.</summary>
        public List<int> EventsQueuedAtDump { get; } = [];

        /// <summary>The model's ids when each dump was asked for.</summary>
        public List<uint[]> ModelAtDump { get; } = [];

        public ConntrackClient Client() => new(Open);

        public void Watch(LiveTable table) => _table = table;

        private INetlinkSocket Open()
        {
            if (!_eventsOpened)
            {
                _eventsOpened = true;
                return Events;
            }

            var socket = new FakeNetlinkSocket();
            socket.Responder = request => Answer(request);
            return socket;
        }

        private IEnumerable<FakeNetlinkSocket.Reply> Answer(byte[] request)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(4));
            uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(8));
            if (type == CtGetStats)
            {
                return [FakeNetlinkSocket.Reply.Datagram(KernelMessages.Ack(sequence, Eopnotsupp))];
            }

            EventsQueuedAtDump.Add(Events.QueuedReplies);
            ModelAtDump.Add(_table is null ? [] : Ids(_table));
            Flow[] table = dumps[Math.Min(DumpsAnswered, dumps.Length - 1)];
            DumpsAnswered++;
            byte[][] parts = [.. table.Select(flow => EntryMessage(flow, Requests.CtNew, NetlinkMessageFlags.NLM_F_MULTI, sequence)), KernelMessages.Done(sequence)];
            return [FakeNetlinkSocket.Reply.Datagram(KernelMessages.Datagram(parts))];
        }
    }
}
