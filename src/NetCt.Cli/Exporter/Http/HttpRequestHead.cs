namespace NetCt.Cli.Exporter.Http;

/// <summary>What the exporter reads of a request: the method, the path (query string removed) and the Accept header.</summary>
internal sealed record HttpRequestHead(string Method, string Path, string Accept);
