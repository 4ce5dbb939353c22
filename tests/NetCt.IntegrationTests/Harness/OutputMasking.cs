using System.Text.RegularExpressions;

namespace NetCt.IntegrationTests.Harness;

/// <summary>
/// Makes two runs on the same table comparable: masks what changes between two reads of the same
/// entry (the timeout countdown, the time since creation, event wall-clock stamps) and what may
/// differ between the programs by design (their name and version).
/// </summary>
public static partial class OutputMasking
{
    /// <summary>What every masked number becomes.</summary>
    public const string Mask = "*";

    /// <summary>What the program name becomes in the usage hint and the version banner.</summary>
    public const string Program = "PROG";

    /// <summary>
    /// Masks the volatile fields of conntrack's stdout:
    /// <list type="bullet">
    /// <item>default/extended lines: the timeout after the protocol number
    /// (<c>tcp      6 117 ESTABLISHED</c>, <c>ipv4     2 udp      17 29 src=</c>, also after an event
    /// tag such as <c>    [NEW] </c>); a line without a timeout is left alone;</item>
    /// <item>expectation lines: the leading timeout (<c>299 proto=6 …</c>);</item>
    /// <item><c>delta-time=N</c>;</item>
    /// <item>xml: <c>&lt;timeout&gt;N&lt;/timeout&gt;</c> and <c>&lt;deltatime&gt;N&lt;/deltatime&gt;</c>;</item>
    /// <item>save: <c>-t N</c>;</item>
    /// <item>event time stamps (<c>-o timestamp</c>): <c>[1700000000.123456]</c>;</item>
    /// <item>the version banner line (<c>conntrack v1.4.8 (conntrack-tools)</c>) becomes <c>PROG</c>;</item>
    /// <item>in the usage (<c>-h</c>), the version on its first line and the program in
    /// <c>Usage: conntrack [commands] [options]</c> become <c>PROG</c>, and the line netct adds at its
    /// end to name its own commands (<c>netct's own commands: …</c>) is taken out.</item>
    /// </list>
    /// Everything else (ids, counters, marks, absolute kernel time stamps) is kept byte for byte.
    /// </summary>
    public static string MaskStdout(string stdout)
    {
        var text = EventStamp().Replace(stdout, "[" + Mask + "]");
        text = FlowTimeout().Replace(text, m => m.Groups["head"].Value + Mask);
        text = ExpectationTimeout().Replace(text, m => m.Groups["head"].Value + Mask);
        text = DeltaTime().Replace(text, "delta-time=" + Mask);
        text = XmlTimeout().Replace(text, m => $"<{m.Groups["tag"].Value}>{Mask}</{m.Groups["tag"].Value}>");
        text = SaveTimeout().Replace(text, m => m.Groups["head"].Value + Mask);
        text = VersionBanner().Replace(text, Program);
        text = UsageVersion().Replace(text, m => m.Groups["head"].Value + Program);
        text = UsageProgram().Replace(text, $"Usage: {Program} [commands] [options]");
        text = NetctCommandsLine().Replace(text, string.Empty);
        return text;
    }

    /// <summary>
    /// Removes the program-name prefix from every stderr line (<c>conntrack v1.4.8 (conntrack-tools): </c>,
    /// <c>netct vX (…): </c>, nfct's <c>nfct v1.4.8: </c>, or a bare <c>conntrack: </c>/<c>netct: </c>) and writes the program name
    /// in the usage hint (<c>Try `conntrack -h' or 'conntrack --help' …</c>) as <c>PROG</c>.
    /// </summary>
    public static string NormalizeStderr(string stderr)
    {
        var text = StderrPrefix().Replace(stderr, string.Empty);
        return UsageHint().Replace(text, $"Try `{Program} -h' or '{Program} --help'");
    }

    // [1700000000.123456] before an event line (-E -o timestamp).
    // The expectation dump pads the microseconds on the right ("[%-8ld.%-6ld]"): [1700000000.12345 ].
    [GeneratedRegex(@"^\[\d+\.\d+ *\]", RegexOptions.Multiline)]
    private static partial Regex EventStamp();

    // [event tag] [l3name l3num] l4name l4num TIMEOUT, followed by a space or the line end.
    // The l3 part is optional; backtracking keeps "tcp 6 117 ESTABLISHED" from being read as l3+l4,
    // because the token after the timeout is never a number.
    [GeneratedRegex(
        @"^(?<head>(?:\[\*\]\s+)?(?:[ \t]*\[[A-Z]+\][ \t]+)?(?:[a-z0-9-]+[ \t]+\d+[ \t]+)?[a-z0-9-]+[ \t]+\d+[ \t]+)\d+(?=[ \t]|$)",
        RegexOptions.Multiline)]
    private static partial Regex FlowTimeout();

    [GeneratedRegex(@"^(?<head>(?:\[\*\]\s+)?(?:[ \t]*\[[A-Z]+\][ \t]+)?)\d+(?= proto=)", RegexOptions.Multiline)]
    private static partial Regex ExpectationTimeout();

    [GeneratedRegex(@"delta-time=\d+")]
    private static partial Regex DeltaTime();

    [GeneratedRegex(@"<(?<tag>timeout|deltatime)>\d+</\k<tag>>")]
    private static partial Regex XmlTimeout();

    [GeneratedRegex(@"(?<head>(?:^|[ \t])-t[ \t]+)\d+", RegexOptions.Multiline)]
    private static partial Regex SaveTimeout();

    [GeneratedRegex(@"^(?:conntrack|netct) v\S+ \([^)\n]*\)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex VersionBanner();

    [GeneratedRegex(@"^(?<head>Command line interface for the connection tracking system\. Version )\S+$", RegexOptions.Multiline)]
    private static partial Regex UsageVersion();

    [GeneratedRegex(@"^Usage: (?:\S*/)?(?:conntrack|netct) \[commands\] \[options\]$", RegexOptions.Multiline)]
    private static partial Regex UsageProgram();

    [GeneratedRegex(@"^netct's own commands: [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex NetctCommandsLine();

    [GeneratedRegex(@"^(?:(?:conntrack|netct) v\S+ \([^)\n]*\): |(?:conntrack|netct): |nfct v\S+: )", RegexOptions.Multiline)]
    private static partial Regex StderrPrefix();

    [GeneratedRegex(@"Try `(?:conntrack|netct) -h' or '(?:conntrack|netct) --help'")]
    private static partial Regex UsageHint();
}
