using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

public sealed partial class ConntrackClient
{
    /// <summary>
    /// One dump of a conntrack table, from its request to its end: what <see cref="DumpEntries"/>
    /// and <see cref="DumpMessages"/> share. It sets <see cref="LastDumpInterrupted"/> when the
    /// dump reaches its end, and a dump disposed before that (an exception, a caller that stopped)
    /// takes its socket along.
    /// </summary>
    private sealed class TableDump : IDisposable
    {
        private readonly ConntrackClient _client;
        private readonly NetlinkDump _dump;
        private bool _completed;

        public TableDump(ConntrackClient client, FlowFilter? filter, CntlMsgTypes type)
        {
            _client = client;
            client.LastDumpInterrupted = false;
            _dump = client.StartDump(filter, type, out bool hasMessage);
            // The whole filter is checked on every entry, whatever the kernel did with it; -L
            // without options passes an empty one, which needs no check.
            Check = filter is { IsEmpty: false } ? filter : null;
            Advanced(hasMessage);
        }

        /// <summary>What each entry must match, or null when every entry does.</summary>
        public FlowFilter? Check { get; }

        /// <summary>Whether <see cref="Current"/> is an entry; false once the dump has ended.</summary>
        public bool HasMessage { get; private set; }

        /// <summary>The current entry's message.</summary>
        public NetlinkMessage Current => _dump.Current;

        /// <summary>Moves to the next entry.</summary>
        public void MoveNext() => Advanced(_dump.MoveNext());

        public void Dispose()
        {
            if (!_completed)
            {
                // Reading the rest of a large table only to discard it costs as much as the dump;
                // closing the socket (after stopping the dump's read-ahead thread) makes the kernel
                // drop it, and the next dump opens a new one.
                _client._dumpConnection?.Dispose();
                _client._dumpConnection = null;
            }

            _dump.Dispose();
        }

        private void Advanced(bool hasMessage)
        {
            HasMessage = hasMessage;
            if (!hasMessage)
            {
                _completed = true;
                _client.LastDumpInterrupted = _dump.Interrupted;
            }
        }
    }
}
