using System.Globalization;
using System.Text;

namespace NetCt.Cli.Exporter.Http;

/// <summary>An answer: status, content type, body, and the Allow header a 405 needs.</summary>
internal sealed record HttpResponse(int Status, string Reason, string ContentType, ReadOnlyMemory<byte> Body, string? Allow = null)
{
    public static HttpResponse Text(int status, string reason, string text) =>
        new(status, reason, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text + "\n"));

    /// <summary>The status line and headers. Every answer closes the connection: one request per connection keeps the server simple and a client cannot park on it.</summary>
    public byte[] Head()
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append("Connection: close\r\n");
        if (Allow is not null)
            head.Append(CultureInfo.InvariantCulture, $"Allow: {Allow}\r\n");
        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }
}
