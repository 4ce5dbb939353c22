namespace NetCt.Cli.Exporter.Http;

/// <summary>Where reading a request head stands.</summary>
internal enum HttpParseOutcome
{
    /// <summary>The blank line that ends the head has not arrived yet.</summary>
    Incomplete,

    /// <summary>A whole, well-formed head.</summary>
    Complete,

    /// <summary>A head that is not HTTP/1.x: answered with 400.</summary>
    Malformed,
}
