using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>The expectation table (NFNL_SUBSYS_CTNETLINK_EXP).</summary>
public sealed partial class ConntrackClient
{
    /// <summary>
    /// Streams the expectations of <paramref name="family"/> (IPCTNL_MSG_EXP_GET dump). The request
    /// starts when enumeration starts; one expectation is decoded at a time.
    /// </summary>
    /// <param name="family">Only expectations of this family; <see cref="IpFamily.Unspecified"/> for all.</param>
    /// <returns>The expectations. Check <see cref="LastDumpInterrupted"/> once enumerated.</returns>
    /// <exception cref="NetlinkException">During enumeration: the kernel refused the dump or a system call failed.</exception>
    /// <exception cref="NetlinkDecodeException">During enumeration: the kernel sent an expectation that does not decode.</exception>
    public IEnumerable<Expectation> DumpExpectations(IpFamily family = IpFamily.Unspecified)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return DumpDecoded(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_EXP, (byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_GET),
            family,
            ExpectationDecoder.Decode);
    }

    /// <summary>Gets the expectation whose expected tuple matches <paramref name="query"/>'s (IPCTNL_MSG_EXP_GET), in its zone, and with its id when set.</summary>
    /// <param name="query">An expectation whose <see cref="Expectation.Tuple"/> names the expected connection; the family is taken from its addresses if unset.</param>
    /// <returns>The expectation, or null if the kernel has none (ENOENT).</returns>
    /// <exception cref="NetlinkException">The kernel refused the request for another reason.</exception>
    public Expectation? GetExpectation(Expectation query)
    {
        ArgumentNullException.ThrowIfNull(query);
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(256);
        BeginExpectationRequest(writer, connection, CtnlExpMsgTypes.IPCTNL_MSG_EXP_GET, RequestFlags, ExpectationEncoder.FamilyOf(query));
        ExpectationEncoder.WriteLookup(writer, query);
        writer.EndMessage();

        return Lookup(connection, writer.WrittenSpan, ExpectationDecoder.Decode);
    }

    /// <summary>
    /// Creates an expectation (IPCTNL_MSG_EXP_NEW with NLM_F_CREATE | NLM_F_EXCL). The kernel needs
    /// the master, the expected tuple and the mask, and a master that has a helper (since Linux 5.x;
    /// the helper's policy then sets the timeout).
    /// </summary>
    /// <param name="expectation">The expectation to create.</param>
    /// <exception cref="NetlinkException">The kernel refused: ENOENT without such a master, EEXIST if a clashing expectation exists, EOPNOTSUPP if the master has no helper.</exception>
    public void CreateExpectation(Expectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(512);
        BeginExpectationRequest(
            writer, connection, CtnlExpMsgTypes.IPCTNL_MSG_EXP_NEW,
            RequestFlags | NetlinkMessageFlags.NLM_F_CREATE | NetlinkMessageFlags.NLM_F_EXCL, ExpectationEncoder.FamilyOf(expectation));
        ExpectationEncoder.WriteNew(writer, expectation);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    /// <summary>Deletes the expectation whose expected tuple matches <paramref name="expectation"/>'s (IPCTNL_MSG_EXP_DELETE), in its zone, and with its id when set.</summary>
    /// <param name="expectation">The expectation, typically one read by <see cref="DumpExpectations"/>.</param>
    /// <exception cref="NetlinkException">The kernel refused: ENOENT if there is no such expectation (or its id differs).</exception>
    public void DeleteExpectation(Expectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(256);
        BeginExpectationRequest(writer, connection, CtnlExpMsgTypes.IPCTNL_MSG_EXP_DELETE, RequestFlags, ExpectationEncoder.FamilyOf(expectation));
        ExpectationEncoder.WriteLookup(writer, expectation);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    /// <summary>
    /// Deletes every expectation (IPCTNL_MSG_EXP_DELETE without a tuple), or with a helper name only
    /// those its helper created (CTA_EXPECT_HELP_NAME).
    /// </summary>
    /// <param name="helper">Only the expectations of this helper; null for all.</param>
    /// <exception cref="NetlinkException">The kernel refused the flush.</exception>
    public void FlushExpectations(string? helper = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NetlinkConnection connection = RequestConnection;
        using var writer = new NetlinkWriter(64);

        // conntrack sends AF_INET; the kernel flushes every family either way.
        BeginExpectationRequest(writer, connection, CtnlExpMsgTypes.IPCTNL_MSG_EXP_DELETE, RequestFlags, IpFamily.IPv4);
        if (helper is not null)
        {
            writer.PutString((ushort)CtattrExpect.CTA_EXPECT_HELP_NAME, helper);
        }

        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    /// <summary>Streams the per-CPU expectation statistics (IPCTNL_MSG_EXP_GET_STATS_CPU), one element per CPU, in the kernel's order.</summary>
    /// <returns>The statistics (CTA_STATS_EXP_* counters); the request starts when enumeration starts.</returns>
    /// <exception cref="NetlinkException">During enumeration: the kernel refused the dump or a system call failed.</exception>
    public IEnumerable<CpuStatistics> GetExpectationCpuStatistics()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return DumpDecoded(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_EXP, (byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_GET_STATS_CPU),
            IpFamily.Unspecified,
            StatisticsDecoder.DecodeCpu);
    }

    private static void BeginExpectationRequest(NetlinkWriter writer, NetlinkConnection connection, CtnlExpMsgTypes type, NetlinkMessageFlags flags, IpFamily family) =>
        writer.BeginNfMessage(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_EXP, (byte)type),
            flags,
            connection.NextSequence(),
            (byte)family);
}
