using System.Text;
using NetCt.Cli.Exporter.Exposition;

namespace NetCt.Cli.Exporter.Http;

/// <summary>
/// The exporter's endpoints: <c>/metrics</c>, and <c>/</c> a page that links to it; anything else is 404.
/// Only GET and HEAD exist (405 otherwise): no endpoint changes anything.
/// </summary>
internal static class ExporterRoutes
{
    public const string MetricsPath = "/metrics";
    private const string AllowedMethods = "GET, HEAD";

    private static readonly HttpResponse Index = new(
        200,
        "OK",
        "text/html; charset=utf-8",
        Encoding.UTF8.GetBytes(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>netct exporter</title></head>\n"
            + "<body><h1>netct exporter</h1><p>The connection tracking table, for Prometheus: "
            + "<a href=\"" + MetricsPath + "\">" + MetricsPath + "</a></p></body></html>\n"));

    private static readonly HttpResponse NotFound = HttpResponse.Text(404, "Not Found", "not found: try " + MetricsPath);

    private static readonly HttpResponse MethodNotAllowed =
        HttpResponse.Text(405, "Method Not Allowed", "only GET and HEAD") with { Allow = AllowedMethods };

    /// <summary>Answers one request; <paramref name="renderMetrics"/> writes the exposition in the negotiated format.</summary>
    public static HttpResponse Answer(HttpRequestHead request, Func<ExpositionFormat, ReadOnlyMemory<byte>> renderMetrics)
    {
        if (request.Method is not ("GET" or "HEAD"))
            return MethodNotAllowed;
        return request.Path switch
        {
            MetricsPath => Metrics(request, renderMetrics),
            "/" => Index,
            _ => NotFound,
        };
    }

    private static HttpResponse Metrics(HttpRequestHead request, Func<ExpositionFormat, ReadOnlyMemory<byte>> renderMetrics)
    {
        ExpositionFormat format = ExpositionNegotiation.FromAccept(request.Accept);
        return new HttpResponse(200, "OK", ExpositionNegotiation.ContentType(format), renderMetrics(format));
    }
}
