using System.Text;

namespace NetCt.Cli.Exporter.Http;

/// <summary>
/// Reads an HTTP/1.0 or 1.1 request head (RFC 9112 §2–5) from the bytes received so far. Only what the
/// exporter needs is kept; a body is never read because every answer closes the connection.
/// </summary>
internal static class HttpRequestParser
{
    public static HttpParseOutcome TryParse(ReadOnlySpan<byte> received, out HttpRequestHead? head)
    {
        head = null;
        int end = HeadLength(received);
        if (end < 0)
            return HttpParseOutcome.Incomplete;

        ReadOnlySpan<byte> lines = received[..end];
        int firstLineEnd = lines.IndexOf((byte)'\n');
        if (!TryParseRequestLine(TrimCarriageReturn(lines[..firstLineEnd]), out string? method, out string? path))
            return HttpParseOutcome.Malformed;

        var accept = new StringBuilder();
        ReadOnlySpan<byte> rest = lines[(firstLineEnd + 1)..];
        while (!rest.IsEmpty)
        {
            int lineEnd = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = TrimCarriageReturn(lineEnd < 0 ? rest : rest[..lineEnd]);
            rest = lineEnd < 0 ? default : rest[(lineEnd + 1)..];
            if (line.IsEmpty)
                break;
            int colon = line.IndexOf((byte)':');
            // RFC 9112 §5.1: no whitespace between the field name and the colon.
            if (colon <= 0 || line[colon - 1] is (byte)' ' or (byte)'\t' || line[0] is (byte)' ' or (byte)'\t')
                return HttpParseOutcome.Malformed;
            if (Ascii.EqualsIgnoreCase(line[..colon], "Accept"u8))
            {
                if (accept.Length > 0)
                    accept.Append(',');
                accept.Append(Encoding.Latin1.GetString(line[(colon + 1)..].Trim(" \t"u8)));
            }
        }

        head = new HttpRequestHead(method!, path!, accept.ToString());
        return HttpParseOutcome.Complete;
    }

    // The length of the head including its final empty line, or -1; a bare LF ends lines too (RFC 9112 §2.2).
    private static int HeadLength(ReadOnlySpan<byte> received)
    {
        int withCarriageReturn = received.IndexOf("\n\r\n"u8);
        int bare = received.IndexOf("\n\n"u8);
        if (bare >= 0 && (withCarriageReturn < 0 || bare < withCarriageReturn))
            return bare + 2;
        return withCarriageReturn < 0 ? -1 : withCarriageReturn + 3;
    }

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, out string? method, out string? path)
    {
        method = path = null;
        int firstSpace = line.IndexOf((byte)' ');
        int lastSpace = line.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
            return false;
        ReadOnlySpan<byte> methodBytes = line[..firstSpace];
        ReadOnlySpan<byte> target = line[(firstSpace + 1)..lastSpace];
        ReadOnlySpan<byte> version = line[(lastSpace + 1)..];
        if (!version.StartsWith("HTTP/1."u8) || version.Length != 8 || !IsToken(methodBytes) || target.Contains((byte)' '))
            return false;

        // absolute-form (a proxy's request): keep the path after the authority.
        if (target.StartsWith("http://"u8) || target.StartsWith("https://"u8))
        {
            int slash = target[(target.IndexOf("//"u8) + 2)..].IndexOf((byte)'/');
            target = slash < 0 ? "/"u8 : target[(target.IndexOf("//"u8) + 2 + slash)..];
        }

        if (target.IsEmpty || target[0] != (byte)'/')
            return false;
        int query = target.IndexOfAny((byte)'?', (byte)'#');
        method = Encoding.ASCII.GetString(methodBytes);
        path = Encoding.Latin1.GetString(query < 0 ? target : target[..query]);
        return true;
    }

    // RFC 9110 §5.6.2 tchar.
    private static bool IsToken(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || "!#$%&'*+-.^_`|~"u8.Contains(b)))
                return false;
        }

        return true;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;
}
