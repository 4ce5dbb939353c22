using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Reads and changes the kernel's conntrack table over nfnetlink. Dumps stream one entry at a time
/// on their own socket, so entries can be updated or deleted (on a second socket) while a dump is
/// being read. Kernel refusals surface as <see cref="NetlinkException"/> (errno and extended-ack
/// text); malformed kernel data as <see cref="NetlinkDecodeException"/>. Not thread-safe.
/// </summary>
public sealed partial class ConntrackClient : IDisposable
{
    // ctnetlink filters a flush by nfgen_family only when nfgenmsg.version is non-zero, so that
    // old tools that sent AF_INET for a full flush keep flushing both families.
    private const byte FlushFamilyVersion = 1;

    private const NetlinkMessageFlags RequestFlags = NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK;

    private const NetlinkMessageFlags DumpFlags = NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_DUMP;

    // Datagrams a table dump receives ahead on its own thread: the kernel serializes the table
    // inside recvmsg, so this overlaps that work with decoding (see NetlinkConnection.Dump). The
    // reader is on average faster than the kernel, but not at every moment (a collection, a
    // growing index, the screen being drawn), and each time the receiver waits the kernel's walk
    // stops: netct top's first screen of 1,000,000 entries came after 2.3 s with 3 datagrams of
    // room, 2.05 s with 8 and 1.87 s with 32, no sooner with more. A buffer is 64 KiB of address
    // space, of which a datagram touches at most 32 KiB, and one is allocated only when the reader
    // has fallen that far behind (DumpReadAhead reuses the buffer given back last): about 1 MiB of
    // memory if it falls behind by all 32, a few buffers while it keeps up.
    internal const int DumpReadAheadDatagrams = 32;

    private readonly Func<INetlinkSocket> _openSocket;
    private NetlinkConnection? _dumpConnection;
    private NetlinkConnection? _requestConnection;
    private bool _disposed;

    /// <summary>Creates a client that opens its NETLINK_NETFILTER sockets on first use, in the network namespace of the thread using it then.</summary>
    public ConntrackClient()
        : this(static () => NetlinkSocket.Open())
    {
    }

    /// <summary>Creates a client over sockets from <paramref name="openSocket"/> (a fake in tests, or a socket opened elsewhere).</summary>
    /// <param name="openSocket">Called lazily: once for requests, and for dumps once plus again after each dump abandoned before its end. The client disposes what it returns.</param>
    public ConntrackClient(Func<INetlinkSocket> openSocket)
    {
        ArgumentNullException.ThrowIfNull(openSocket);
        _openSocket = openSocket;
    }

    /// <summary>
    /// Whether the last dump that was read to its end carried NLM_F_DUMP_INTR: the table changed
    /// while it was dumped, so entries may be missing or repeated. Set when a <see cref="Dump"/> or
    /// <see cref="GetCpuStatistics"/> enumeration completes; a dump abandoned early leaves it false.
    /// </summary>
    public bool LastDumpInterrupted { get; private set; }

    private NetlinkConnection DumpConnection => _dumpConnection ??= Connect();

    private NetlinkConnection RequestConnection => _requestConnection ??= Connect();

    /// <summary>
    /// Streams the entries of a table that match <paramref name="filter"/>. The request starts when
    /// enumeration starts; memory stays bounded: a thread of the dump receives at most a few
    /// datagrams ahead of the one being decoded, so the kernel walks the table while the caller
    /// works on the entries, and it ends with the enumeration. The criteria
    /// the kernel can evaluate are sent with the request; if the kernel refuses them (EINVAL or
    /// EOPNOTSUPP) the request is repeated without the newest kernel feature, down to the family
    /// alone. <see cref="FlowFilter.Matches(Flow)"/> is applied to every entry either way.
    /// </summary>
    /// <param name="filter">The entries to return; null for all.</param>
    /// <param name="table">Which list to dump; filters other than the family are applied in userspace for the dying and unconfirmed lists.</param>
    /// <param name="zeroCounters">Read and zero the counters atomically (IPCTNL_MSG_CT_GET_CTRZERO; conntrack table only).</param>
    /// <param name="cancellationToken">Checked before each entry: cancelling ends the enumeration (the dump is abandoned).</param>
    /// <returns>
    /// The entries, decoded one at a time. Check <see cref="LastDumpInterrupted"/> once enumerated.
    /// Stopping early closes the dump socket rather than reading the rest; the next dump opens another.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="zeroCounters"/> with a table other than <see cref="ConntrackTable.Conntrack"/>.</exception>
    /// <exception cref="NetlinkException">During enumeration: the kernel refused the dump or a system call failed.</exception>
    /// <exception cref="NetlinkDecodeException">During enumeration: the kernel sent an entry that does not decode.</exception>
    /// <exception cref="OperationCanceledException">During enumeration: <paramref name="cancellationToken"/> was cancelled.</exception>
    public IEnumerable<Flow> Dump(
        FlowFilter? filter = null, ConntrackTable table = ConntrackTable.Conntrack, bool zeroCounters = false, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return DumpEntries(filter, DumpMessageType(table, zeroCounters), FlowDecoder.Decode, cancellationToken);
    }

    /// <summary>Gets one entry by tuple (IPCTNL_MSG_CT_GET): the original tuple if set, else the reply tuple, plus the zone.</summary>
    /// <param name="tupleQuery">An entry whose tuple (and zone) identify the one wanted; the family is taken from its addresses if unset.</param>
    /// <returns>The entry, or null if the kernel has none with that tuple (ENOENT).</returns>
    /// <exception cref="NetlinkException">The kernel refused the request for another reason.</exception>
    public Flow? Get(Flow tupleQuery)
    {
        ArgumentNullException.ThrowIfNull(tupleQuery);
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(512);
        BeginRequest(writer, connection, CntlMsgTypes.IPCTNL_MSG_CT_GET, RequestFlags, FlowEncoder.FamilyOf(tupleQuery));
        FlowEncoder.WriteLookup(writer, tupleQuery);
        writer.EndMessage();

        return Lookup(connection, writer.WrittenSpan, FlowDecoder.Decode);
    }

    /// <summary>The number of entries in the table (IPCTNL_MSG_CT_GET_STATS, CTA_STATS_GLOBAL_ENTRIES).</summary>
    /// <returns>The count.</returns>
    /// <exception cref="NetlinkException">The kernel refused the request (callers may fall back to /proc/sys/net/netfilter/nf_conntrack_count).</exception>
    /// <exception cref="NetlinkDecodeException">The reply had no entry count.</exception>
    public uint Count() =>
        GetGlobalStatistics().Entries ?? throw new NetlinkDecodeException("global conntrack statistics: the reply has no CTA_STATS_GLOBAL_ENTRIES");

    /// <summary>The table-wide statistics (IPCTNL_MSG_CT_GET_STATS): entries and, on kernels since 4.19, the limit.</summary>
    /// <returns>The statistics; a field the kernel did not send is null.</returns>
    /// <exception cref="NetlinkException">The kernel refused the request.</exception>
    public GlobalStatistics GetGlobalStatistics()
    {
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(64);
        BeginRequest(writer, connection, CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS, RequestFlags, IpFamily.Unspecified);
        writer.EndMessage();

        GlobalStatistics statistics = default;
        connection.Execute(writer.WrittenSpan, message => statistics = StatisticsDecoder.DecodeGlobal(message));
        return statistics;
    }

    /// <summary>Streams the per-CPU statistics (IPCTNL_MSG_CT_GET_STATS_CPU), one element per CPU, in the kernel's order.</summary>
    /// <returns>The statistics; the request starts when enumeration starts.</returns>
    /// <exception cref="NetlinkException">During enumeration: the kernel refused the dump or a system call failed.</exception>
    public IEnumerable<CpuStatistics> GetCpuStatistics()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return DumpDecoded(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK, (byte)CntlMsgTypes.IPCTNL_MSG_CT_GET_STATS_CPU),
            IpFamily.Unspecified,
            StatisticsDecoder.DecodeCpu);
    }

    /// <summary>Creates an entry; fails if one with the same tuple exists (NLM_F_CREATE | NLM_F_EXCL).</summary>
    /// <param name="flow">Both tuples, and the fields to set (timeout is required by the kernel).</param>
    /// <exception cref="NetlinkException">The kernel refused: EEXIST if the entry exists, EINVAL for missing or invalid fields.</exception>
    public void Create(Flow flow) => ExecuteNew(flow, NetlinkMessageFlags.NLM_F_CREATE | NetlinkMessageFlags.NLM_F_EXCL);

    /// <summary>Creates an entry, or updates it if one with the same tuple exists (NLM_F_CREATE without NLM_F_EXCL).</summary>
    /// <param name="flow">The tuples and the fields to set.</param>
    /// <exception cref="NetlinkException">The kernel refused the request.</exception>
    public void Add(Flow flow) => ExecuteNew(flow, NetlinkMessageFlags.NLM_F_CREATE);

    /// <summary>Updates an existing entry (IPCTNL_MSG_CT_NEW without NLM_F_CREATE); only the non-null fields are sent.</summary>
    /// <param name="flow">A tuple identifying the entry, and the fields to change.</param>
    /// <exception cref="NetlinkException">The kernel refused: ENOENT if there is no such entry, EBUSY for a change it does not allow.</exception>
    public void Update(Flow flow) => ExecuteNew(flow, 0);

    /// <summary>Deletes one entry by tuple and zone, and by id when <see cref="Flow.Id"/> is set.</summary>
    /// <param name="flow">The entry, typically one read by <see cref="Dump"/>.</param>
    /// <exception cref="NetlinkException">The kernel refused: ENOENT if there is no such entry (or its id differs).</exception>
    public void Delete(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(512);
        BeginRequest(writer, connection, CntlMsgTypes.IPCTNL_MSG_CT_DELETE, RequestFlags, FlowEncoder.FamilyOf(flow));
        FlowEncoder.WriteDelete(writer, flow);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    /// <summary>
    /// Deletes every entry of <paramref name="family"/> that matches <paramref name="filter"/>. With
    /// no filter, or one of only a family and a mark, the kernel flushes in one request
    /// (IPCTNL_MSG_CT_DELETE without a tuple; a flush by mark needs a 4.x kernel). Any other criterion
    /// is one the kernel cannot apply to a flush, or one older kernels silently ignore there (status
    /// before 5.15, zone before 6.8) and would flush too much; the matching entries are then dumped
    /// and deleted in batches instead, entries that vanish meanwhile being no error.
    /// </summary>
    /// <param name="family">Only this family; <see cref="IpFamily.Unspecified"/> for both (or the filter's family).</param>
    /// <param name="filter">Which entries to delete; null for all.</param>
    /// <exception cref="NetlinkException">The kernel refused the flush, or the dump, or the deletion of an entry (the first refusal is reported).</exception>
    public void Flush(IpFamily family = IpFamily.Unspecified, FlowFilter? filter = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (filter is not null && !IsKernelFlushable(filter))
        {
            BatchResult result = DeleteMany(OfFamily(Dump(filter), family));
            if (result.Errors.Count > 0)
            {
                BatchItemError first = result.Errors[0];
                throw new NetlinkException(first.Errno, first.ExtendedAckMessage);
            }

            return;
        }

        if (family == IpFamily.Unspecified && filter is not null)
        {
            family = filter.Family;
        }

        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(128);
        BeginRequest(writer, connection, CntlMsgTypes.IPCTNL_MSG_CT_DELETE, RequestFlags, family, FlushFamilyVersion);
        if (filter?.Mark is uint mark)
        {
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, mark);
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK_MASK, filter.MarkMask);
        }

        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    /// <summary>Deletes many entries (by tuple, zone and id) with <see cref="Pipeline"/>, reading <paramref name="flows"/> lazily.</summary>
    /// <param name="flows">The entries, typically from <see cref="Dump"/> (which may still be running).</param>
    /// <returns>Per-entry outcome: deleted, vanished (ENOENT) or failed.</returns>
    /// <exception cref="NetlinkException">A system call failed or answers were lost.</exception>
    public BatchResult DeleteMany(IEnumerable<Flow> flows) => ExecuteMany(flows, FlowOperation.Delete);

    /// <summary>Updates many entries (IPCTNL_MSG_CT_NEW without NLM_F_CREATE) with <see cref="Pipeline"/>, reading <paramref name="flows"/> lazily.</summary>
    /// <param name="flows">The entries with the fields to change.</param>
    /// <returns>Per-entry outcome: updated, vanished (ENOENT) or failed.</returns>
    /// <exception cref="NetlinkException">A system call failed or answers were lost.</exception>
    public BatchResult UpdateMany(IEnumerable<Flow> flows) => ExecuteMany(flows, FlowOperation.Update);

    /// <summary>Closes the sockets.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _dumpConnection?.Dispose();
        _requestConnection?.Dispose();
    }

    private static CntlMsgTypes DumpMessageType(ConntrackTable table, bool zeroCounters) => table switch
    {
        ConntrackTable.Conntrack => zeroCounters ? CntlMsgTypes.IPCTNL_MSG_CT_GET_CTRZERO : CntlMsgTypes.IPCTNL_MSG_CT_GET,
        _ when zeroCounters => throw new ArgumentException("counters can only be zeroed while dumping the conntrack table", nameof(zeroCounters)),
        ConntrackTable.Dying => CntlMsgTypes.IPCTNL_MSG_CT_GET_DYING,
        ConntrackTable.Unconfirmed => CntlMsgTypes.IPCTNL_MSG_CT_GET_UNCONFIRMED,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "unknown conntrack table"),
    };

    private static void BeginRequest(
        NetlinkWriter writer,
        NetlinkConnection connection,
        CntlMsgTypes type,
        NetlinkMessageFlags flags,
        IpFamily family,
        byte version = NfnetlinkVersions.NFNETLINK_V0) =>
        writer.BeginNfMessage(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK, (byte)type),
            flags,
            connection.NextSequence(),
            (byte)family,
            version: version);

    private static bool IsKernelFlushable(FlowFilter filter) =>
        filter.Original is null && filter.Reply is null && filter.Status is null && filter.Zone is null
        && filter.Secmark is null && filter.Id is null && filter.TcpState is null && filter.SctpState is null
        && filter.DccpState is null && filter.Labels is null && filter.SourceNat is null && filter.DestinationNat is null;

    private static IEnumerable<Flow> OfFamily(IEnumerable<Flow> flows, IpFamily family)
    {
        foreach (Flow flow in flows)
        {
            if (family == IpFamily.Unspecified || flow.Family == family)
            {
                yield return flow;
            }
        }
    }

    // A GET of one object: its reply, or null for ENOENT.
    private static T? Lookup<T>(NetlinkConnection connection, ReadOnlySpan<byte> request, Func<NetlinkMessage, T> decode)
        where T : class
    {
        T? found = null;
        NetlinkAck ack = connection.Transact(request, message => found = decode(message));
        if (ack.Errno == (int)Errno.ENOENT)
        {
            return null;
        }

        ack.ThrowIfFailed();
        return found;
    }

    private static bool IsFilterRejection(NetlinkException e) =>
        e.Operation is null && (e.Errno == (int)Errno.EINVAL || e.Errno == (int)Errno.EOPNOTSUPP);

    private NetlinkConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new NetlinkConnection(_openSocket());
    }

    private IEnumerable<Flow> DumpEntries(FlowFilter? filter, CntlMsgTypes type, Func<NetlinkMessage, Flow> decode, CancellationToken cancellationToken)
    {
        using var dump = new TableDump(this, filter, type);
        while (dump.HasMessage)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Flow flow = decode(dump.Current);
            if (dump.Check is null || dump.Check.Matches(flow))
            {
                yield return flow;
            }

            dump.MoveNext();
        }
    }

    /// <summary>
    /// Sends the dump request and reads its first message, which is where the kernel reports a
    /// filter it refuses; on EINVAL/EOPNOTSUPP it retries without the newest kernel feature.
    /// </summary>
    private NetlinkDump StartDump(FlowFilter? filter, CntlMsgTypes type, out bool hasMessage)
    {
        NetlinkConnection connection = DumpConnection;
        KernelFilterFeatures features = KernelDumpFilter.Applicable(filter);
        using var writer = new NetlinkWriter(512);
        while (true)
        {
            writer.Reset();
            BeginRequest(writer, connection, type, DumpFlags, KernelDumpFilter.FamilyOf(filter));
            if (filter is not null)
            {
                KernelDumpFilter.Write(writer, filter, features);
            }

            writer.EndMessage();
            NetlinkDump dump = connection.Dump(writer.WrittenSpan, DumpReadAheadDatagrams);
            try
            {
                hasMessage = dump.MoveNext();
                return dump;
            }
            catch (NetlinkException e) when (features != KernelFilterFeatures.None && IsFilterRejection(e))
            {
                dump.Dispose();
                features = KernelDumpFilter.WithoutNewest(features);
            }
        }
    }

    /// <summary>A dump whose messages each decode to one element, read without read-ahead (statistics, expectations).</summary>
    private IEnumerable<T> DumpDecoded<T>(ushort messageType, IpFamily family, Func<NetlinkMessage, T> decode)
    {
        NetlinkConnection connection = DumpConnection;
        LastDumpInterrupted = false;
        using var writer = new NetlinkWriter(64);
        writer.BeginNfMessage(messageType, DumpFlags, connection.NextSequence(), (byte)family);
        writer.EndMessage();
        using NetlinkDump dump = connection.Dump(writer.WrittenSpan);
        while (dump.MoveNext())
        {
            yield return decode(dump.Current);
        }

        LastDumpInterrupted = dump.Interrupted;
    }

    private void ExecuteNew(Flow flow, NetlinkMessageFlags createFlags)
    {
        ArgumentNullException.ThrowIfNull(flow);
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(1024);
        BeginRequest(writer, connection, CntlMsgTypes.IPCTNL_MSG_CT_NEW, RequestFlags | createFlags, FlowEncoder.FamilyOf(flow));
        FlowEncoder.WriteNew(writer, flow);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    private BatchResult ExecuteMany(IEnumerable<Flow> flows, FlowOperation operation)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var tally = new BatchTally();
        Pipeline(flows.Select(flow => new FlowRequest(operation, flow)), tally.Record);
        return tally.ToResult();
    }
}
