using NetCt.Cli.Labels;

namespace NetCt.Cli.Output;

/// <summary>
/// What libnetfilter_conntrack's nfct_snprintf_labels is asked to print besides the entry itself:
/// its NFCT_OF_* flags and the label map.
/// </summary>
/// <param name="ShowLayer3">NFCT_OF_SHOW_LAYER3 (<c>-o extended</c>): the <c>ipv4     2 </c> prefix.</param>
/// <param name="ShowId">NFCT_OF_ID (<c>-o id</c>): <c>id=N</c> in the default format (XML always prints &lt;id&gt;).</param>
/// <param name="ShowKernelTimestamps">NFCT_OF_TIMESTAMP (<c>-o ktimestamp</c>): <c>[start=…] [stop=…]</c> or &lt;timestamp&gt;.</param>
/// <param name="ShowWhen">NFCT_OF_TIME (<c>-o xml,timestamp</c> on events): the &lt;when&gt; element.</param>
/// <param name="Labels">The label map when conntrack would have one (see <see cref="ConntrackQuirks.LoadsLabelMap"/>), or null to print no labels.</param>
/// <param name="Time">The clock for delta-time, &lt;when&gt; and event timestamps, and the local zone for ctime.</param>
internal readonly record struct FlowTextOptions(
    bool ShowLayer3,
    bool ShowId,
    bool ShowKernelTimestamps,
    bool ShowWhen,
    ConnLabelTable? Labels,
    TimeProvider Time);
