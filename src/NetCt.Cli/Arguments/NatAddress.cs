using NetCt.Cli.Libc;

namespace NetCt.Cli.Arguments;

/// <summary>
/// conntrack's split_address_and_port() for <c>-n</c>, <c>-g</c> and <c>-j</c>: "ip", "ip:port", or
/// "[ipv6]:port"; a bare IPv6 address (more than one ':') has no port. Only the port is checked
/// here; the address goes through the usual address parser afterwards.
/// </summary>
internal static class NatAddress
{
    public static (string Address, string? Port) Split(string argument)
    {
        int cursor;
        string? address = null;
        int bracket = argument.IndexOf('[');
        if (bracket >= 0)
        {
            int start = bracket + 1;
            int end = argument.IndexOf(']', start);
            if (end == start)
                throw ParameterException.Problem("No IPv6 address specified");
            if (end < 0)
                throw ParameterException.Problem("No closing ']' around IPv6 address");
            cursor = argument.IndexOf(':', end);
            if (cursor >= 0)
                address = argument[start..end];
        }
        else
        {
            cursor = argument.IndexOf(':');
            if (cursor >= 0 && argument.IndexOf(':', cursor + 1) < 0)
                address = argument[..cursor];
            else
                cursor = -1;
        }

        if (cursor < 0)
            return (argument, null);
        string port = argument[(cursor + 1)..];
        if (port.Length == 0)
            throw ParameterException.Problem("No port specified after `:'");
        if (!IsValidPort(port))
            throw ParameterException.Problem($"Invalid port `{port}'");
        return (address!, port);
    }

    /// <summary>The port as conntrack stores it (atoi, already known to be 0..65535).</summary>
    public static ushort PortValue(string port) => (ushort)CNumber.AtoI(port);

    // valid_port(): digits only, no sign or blanks, at most 65535.
    private static bool IsValidPort(string port)
    {
        foreach (char c in port)
        {
            if (!CNumber.IsDigit(c))
                return false;
        }
        return CNumber.StrToL(port, 10, out _) <= ushort.MaxValue;
    }
}
