namespace NetCt.Cli.Top;

/// <summary>The keys of <c>netct top</c>, as the help screen and the manual list them.</summary>
internal static class TopHelp
{
    public static readonly string[] Keys =
    [
        "Keys (iptstate's, and conntrack's filter syntax at the prompt):",
        "  b / B           sort by the next / previous column",
        "  r               reverse the sort",
        "  g               cycle the grouping: none, src, dst, dport, proto, zone, mark, family, assured",
        "  / or f          filter prompt: conntrack -L options, e.g. -p tcp --dport 443 -s 192.0.2.0/24",
        "  x               delete the highlighted entry (asks y/n)",
        "  C               show or hide the bytes and packets columns",
        "  R               change the refresh interval (seconds)",
        "  space           refresh now",
        "  arrows, PgUp, PgDn, Home, End   move the highlight",
        "  h or ?          this help",
        "  q               quit",
    ];
}
