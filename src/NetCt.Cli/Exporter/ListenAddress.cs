using System.Net;

namespace NetCt.Cli.Exporter;

/// <summary><c>--listen ADDR:PORT</c>: <c>192.0.2.1:19100</c>, <c>[2001:db8::1]:19100</c>, or <c>:19100</c> for every address.</summary>
internal static class ListenAddress
{
    /// <summary>
    /// The default port. Prometheus' wiki page of default port allocations gives every port of
    /// 9100–9999 to some exporter (the range has been full since 2023), so netct takes one outside it.
    /// </summary>
    public const int DefaultPort = 19100;

    public const string Default = ":19100";

    public static bool TryParse(string text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        if (text.StartsWith(':'))
        {
            if (!int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
                return false;
            endpoint = new IPEndPoint(IPAddress.IPv6Any, port);
            return true;
        }

        // IPEndPoint.TryParse takes a bare address as port 0: a port is required here.
        return IPEndPoint.TryParse(text, out endpoint) && endpoint.Port != 0 && (text.LastIndexOf(':') > text.LastIndexOf(']'));
    }
}
