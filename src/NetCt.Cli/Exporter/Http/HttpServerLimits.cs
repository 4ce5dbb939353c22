namespace NetCt.Cli.Exporter.Http;

/// <summary>What one client may cost the server.</summary>
/// <param name="MaxRequestHeadBytes">A request head longer than this is refused with 431.</param>
/// <param name="RequestTimeout">Time to send the whole request head; a slower client is cut off (408).</param>
/// <param name="ResponseTimeout">Time for a client to take the answer; a client that reads slower is cut off.</param>
/// <param name="MaxConcurrentRequests">Connections served at once; more are answered 503 at once.</param>
internal sealed record HttpServerLimits(int MaxRequestHeadBytes, TimeSpan RequestTimeout, TimeSpan ResponseTimeout, int MaxConcurrentRequests)
{
    /// <summary>
    /// Prometheus' own requests are a few hundred bytes and a scrape answer takes milliseconds, so these
    /// bounds cost a scraper nothing while a slow or hostile client holds a slot for 5 s at most.
    /// </summary>
    public static HttpServerLimits Default { get; } = new(8 * 1024, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), 8);
}
