namespace NetCt.Cli.Exporter.Exposition;

/// <summary>Picks the format from the request's Accept header, and names its Content-Type.</summary>
internal static class ExpositionNegotiation
{
    public const string PrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private const string OpenMetricsMediaType = "application/openmetrics-text";

    /// <summary>
    /// OpenMetrics when one media range of <paramref name="accept"/> is application/openmetrics-text with
    /// a quality above zero (Prometheus sends it first, with text/plain as a fallback); otherwise the
    /// 0.0.4 text format, which is also the answer to no Accept header at all.
    /// </summary>
    public static ExpositionFormat FromAccept(ReadOnlySpan<char> accept)
    {
        foreach (Range range in accept.Split(','))
        {
            ReadOnlySpan<char> mediaRange = accept[range];
            int parameters = mediaRange.IndexOf(';');
            ReadOnlySpan<char> mediaType = (parameters < 0 ? mediaRange : mediaRange[..parameters]).Trim();
            if (mediaType.Equals(OpenMetricsMediaType, StringComparison.OrdinalIgnoreCase)
                && (parameters < 0 || !HasZeroQuality(mediaRange[(parameters + 1)..])))
                return ExpositionFormat.OpenMetrics;
        }

        return ExpositionFormat.PrometheusText;
    }

    public static string ContentType(ExpositionFormat format) =>
        format == ExpositionFormat.OpenMetrics ? OpenMetricsContentType : PrometheusTextContentType;

    private static bool HasZeroQuality(ReadOnlySpan<char> parameters)
    {
        foreach (Range range in parameters.Split(';'))
        {
            ReadOnlySpan<char> parameter = parameters[range].Trim();
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(parameter[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double quality))
                return quality <= 0;
        }

        return false;
    }
}
