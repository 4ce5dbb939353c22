using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Cli.Libc;
using NetCt.Cli.Timeouts;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Nfct;

/// <summary>nfct's <c>FAMILY PROTOCOL [STATE VALUE]…</c> of <c>add</c>, <c>default-set</c> and <c>default-get</c>.</summary>
internal static class NfctTimeoutParameters
{
    /// <summary>
    /// Reads the parameters into a policy, or returns null after writing nfct's message. Values are read
    /// with atoi() as nfct reads them ("12abc" is 12, "-1" is 4294967295); a state given twice keeps the last.
    /// </summary>
    public static TimeoutPolicy? Parse(ReadOnlySpan<string> parameters, TextWriter errors, ProtocolDatabase protocols)
    {
        if (Family(parameters[0], errors) is not { } family || Protocol(parameters[1], errors, protocols) is not { } protocol)
        {
            return null;
        }

        int known = NfctStates.For(protocol).Count;
        var timeouts = new Dictionary<ushort, uint>();
        int next = 2;
        for (; parameters.Length - next > 1; next += 2)
        {
            ushort? state = TimeoutProtocols.StateAttribute(protocol, parameters[next]);
            if (state is null || state > known)
            {
                Messages.Write(errors, $"Wrong state name: `{parameters[next]}' for protocol `{parameters[1]}'");
                return null;
            }

            timeouts[state.Value] = unchecked((uint)CNumber.AtoI(parameters[next + 1]));
        }

        if (next < parameters.Length)
        {
            Messages.Write(errors, "missing value for this timeout");
            return null;
        }

        return new TimeoutPolicy { Family = family, Protocol = protocol, Timeouts = timeouts };
    }

    /// <summary>nfct's layer-3 word: inet or inet6, exactly.</summary>
    public static ushort? Family(string word, TextWriter errors)
    {
        switch (word)
        {
            case "inet":
                return AddressFamilies.AF_INET;
            case "inet6":
                return AddressFamilies.AF_INET6;
            default:
                Messages.Write(errors, "unknown layer 3 protocol");
                return null;
        }
    }

    /// <summary>nfct's layer-4 word: a name from /etc/protocols, else icmpv6 (Debian calls it ipv6-icmp) or generic.</summary>
    public static byte? Protocol(string word, TextWriter errors, ProtocolDatabase protocols)
    {
        if (protocols.TryGetNumber(word, out int number))
        {
            return unchecked((byte)number);
        }

        switch (word)
        {
            case "icmpv6":
                return IpProtocols.IPPROTO_ICMPV6;
            case TimeoutProtocolNames.Generic:
                return TimeoutProtocols.Generic;
            default:
                Messages.Write(errors, "unknown layer 4 protocol");
                return null;
        }
    }
}
