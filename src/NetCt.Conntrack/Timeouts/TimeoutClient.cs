using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Reads and changes the kernel's conntrack timeout policies and per-protocol default timeouts over
/// the cttimeout nfnetlink subsystem (NFNL_SUBSYS_CTNETLINK_TIMEOUT, kernel 3.4+; CONFIG_NF_CT_NETLINK_TIMEOUT),
/// in the network namespace of the thread that first uses it. Kernel refusals surface as
/// <see cref="NetlinkException"/> (errno and extended-ack text). Not thread-safe.
/// </summary>
public sealed class TimeoutClient : IDisposable
{
    /// <summary>The longest policy name in UTF-8 bytes (CTNL_TIMEOUT_NAME_MAX less the NUL).</summary>
    public const int MaxNameBytes = CttimeoutLimits.CTNL_TIMEOUT_NAME_MAX - 1;

    private const NetlinkMessageFlags RequestFlags = NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK;

    private readonly Func<INetlinkSocket> _openSocket;
    private NetlinkConnection? _connection;
    private bool _disposed;

    /// <summary>Creates a client that opens its NETLINK_NETFILTER socket on first use.</summary>
    public TimeoutClient()
        : this(static () => NetlinkSocket.Open())
    {
    }

    /// <summary>Creates a client over a socket from <paramref name="openSocket"/> (a fake in tests); the client disposes it.</summary>
    /// <param name="openSocket">Called once, on first use.</param>
    public TimeoutClient(Func<INetlinkSocket> openSocket)
    {
        ArgumentNullException.ThrowIfNull(openSocket);
        _openSocket = openSocket;
    }

    private NetlinkConnection Connection
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _connection ??= new NetlinkConnection(_openSocket());
        }
    }

    /// <summary>Streams every policy of the namespace, in the order they were created (IPCTNL_MSG_TIMEOUT_GET with NLM_F_DUMP).</summary>
    /// <returns>The policies; the request starts when enumeration starts.</returns>
    /// <exception cref="NetlinkException">During enumeration: the kernel refused the dump or a system call failed.</exception>
    public IEnumerable<TimeoutPolicy> List()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ListPolicies();
    }

    /// <summary>One policy by name (IPCTNL_MSG_TIMEOUT_GET).</summary>
    /// <param name="name">The policy's name.</param>
    /// <returns>The policy, or null if there is none by that name (ENOENT).</returns>
    /// <exception cref="ArgumentException">The name is longer than <see cref="MaxNameBytes"/>.</exception>
    /// <exception cref="NetlinkException">The kernel refused the request for another reason.</exception>
    public TimeoutPolicy? Get(string name)
    {
        CheckName(name);
        NetlinkConnection connection = Connection;
        using var writer = new NetlinkWriter(128);
        Begin(writer, connection, CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_GET, RequestFlags);
        TimeoutPolicyCodec.WriteName(writer, name);
        writer.EndMessage();

        TimeoutPolicy? found = null;
        NetlinkAck ack = connection.Transact(writer.WrittenSpan, message => found = TimeoutPolicyCodec.Decode(message));
        if (ack.Errno == (int)Errno.ENOENT)
        {
            return null;
        }

        ack.ThrowIfFailed();
        return found;
    }

    /// <summary>
    /// Creates a policy (IPCTNL_MSG_TIMEOUT_NEW with NLM_F_CREATE). The states it leaves out take the
    /// namespace's current defaults.
    /// </summary>
    /// <param name="policy">Name, families and the timeouts to set (at least one: the kernel requires CTA_TIMEOUT_DATA).</param>
    /// <exception cref="ArgumentException">The policy has no name, or one longer than <see cref="MaxNameBytes"/>.</exception>
    /// <exception cref="NetlinkException">
    /// The kernel refused: EBUSY if a policy of that name exists, EOPNOTSUPP for a protocol it does not
    /// track, EINVAL for missing timeouts.
    /// </exception>
    public void Create(TimeoutPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CheckName(policy.Name ?? throw new ArgumentException("a timeout policy to create needs a name", nameof(policy)));
        Execute(CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_NEW, NetlinkMessageFlags.NLM_F_CREATE, writer => TimeoutPolicyCodec.Write(writer, policy));
    }

    /// <summary>Deletes one policy by name (IPCTNL_MSG_TIMEOUT_DELETE).</summary>
    /// <param name="name">The policy's name.</param>
    /// <exception cref="ArgumentException">The name is longer than <see cref="MaxNameBytes"/>.</exception>
    /// <exception cref="NetlinkException">The kernel refused: ENOENT if there is none by that name, EBUSY while a rule (iptables -j CT --timeout) uses it.</exception>
    public void Delete(string name)
    {
        CheckName(name);
        Execute(CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_DELETE, 0, writer => TimeoutPolicyCodec.WriteName(writer, name));
    }

    /// <summary>Deletes every policy that no rule uses (IPCTNL_MSG_TIMEOUT_DELETE without a name); policies in use stay, silently.</summary>
    /// <exception cref="NetlinkException">The kernel refused the request.</exception>
    public void Flush() => Execute(CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_DELETE, 0, static _ => { });

    /// <summary>Sets the namespace's default timeouts of one protocol (IPCTNL_MSG_TIMEOUT_DEFAULT_SET); the states left out keep their values.</summary>
    /// <param name="defaults">Families and the timeouts to set; its name, if any, is sent and ignored by the kernel.</param>
    /// <exception cref="NetlinkException">The kernel refused: EOPNOTSUPP for a protocol it does not track, EINVAL without timeouts.</exception>
    public void SetDefault(TimeoutPolicy defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        Execute(CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_DEFAULT_SET, 0, writer => TimeoutPolicyCodec.Write(writer, defaults));
    }

    /// <summary>The namespace's default timeouts of one protocol (IPCTNL_MSG_TIMEOUT_DEFAULT_GET).</summary>
    /// <param name="family">The layer-3 protocol number (AF_INET 2, AF_INET6 10).</param>
    /// <param name="protocol">The layer-4 protocol number; <see cref="TimeoutProtocols.Generic"/> for the generic tracker.</param>
    /// <returns>The defaults, without a name.</returns>
    /// <exception cref="NetlinkException">The kernel refused: EOPNOTSUPP for a protocol it does not track.</exception>
    /// <exception cref="NetlinkDecodeException">The kernel acknowledged without sending the defaults.</exception>
    public TimeoutPolicy GetDefault(ushort family, byte protocol)
    {
        TimeoutPolicy? found = null;
        Execute(
            CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_DEFAULT_GET,
            0,
            writer => TimeoutPolicyCodec.Write(writer, new TimeoutPolicy { Family = family, Protocol = protocol }),
            message => found = TimeoutPolicyCodec.Decode(message));
        return found ?? throw new NetlinkDecodeException("default timeouts: the kernel acknowledged without sending them");
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection?.Dispose();
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TimeoutPolicyCodec.NameBytes(name) > MaxNameBytes)
        {
            throw new ArgumentException($"a timeout policy name is at most {MaxNameBytes} bytes: {name}", nameof(name));
        }
    }

    // libnetfilter_cttimeout sends AF_UNSPEC and version 0 whatever the policy's family.
    private static void Begin(NetlinkWriter writer, NetlinkConnection connection, CtnlTimeoutMsgTypes type, NetlinkMessageFlags flags) =>
        writer.BeginNfMessage(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_TIMEOUT, (byte)type),
            flags,
            connection.NextSequence(),
            (byte)IpFamily.Unspecified);

    private void Execute(CtnlTimeoutMsgTypes type, NetlinkMessageFlags flags, Action<NetlinkWriter> writeAttributes, NetlinkMessageHandler? onReply = null)
    {
        NetlinkConnection connection = Connection;
        using var writer = new NetlinkWriter(512);
        Begin(writer, connection, type, RequestFlags | flags);
        writeAttributes(writer);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan, onReply);
    }

    private IEnumerable<TimeoutPolicy> ListPolicies()
    {
        NetlinkConnection connection = Connection;
        using var writer = new NetlinkWriter(64);
        Begin(writer, connection, CtnlTimeoutMsgTypes.IPCTNL_MSG_TIMEOUT_GET, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_DUMP);
        writer.EndMessage();
        using NetlinkDump dump = connection.Dump(writer.WrittenSpan);
        while (dump.MoveNext())
        {
            yield return TimeoutPolicyCodec.Decode(dump.Current);
        }
    }
}
