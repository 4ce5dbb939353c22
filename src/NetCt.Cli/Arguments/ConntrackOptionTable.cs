using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack 1.4.8's own options: its getopt string and its long option table, in its order.</summary>
internal static class ConntrackOptionTable
{
    // Each letter of a command takes an optional (attached) table name; -i takes a required
    // argument although --id's is optional; -R is not here, only as the first word (see LoadFile).
    public const string ShortOptions = ":L::I::U::D::G::E::F::A::hVs:d:r:q:p:t:u:e:a:z[:]:{:}:m:i:f:o:n::g::c:b:C::Sj::w:l:<:>::(:):";

    public static IReadOnlyList<LongOption> LongOptions { get; } =
    [
        Entry("dump", Optional, OptionCode.List),
        Entry("create", Optional, OptionCode.Create),
        Entry("add", Optional, OptionCode.Add),
        Entry("delete", Optional, OptionCode.Delete),
        Entry("update", Optional, OptionCode.Update),
        Entry("get", Optional, OptionCode.Get),
        Entry("flush", Optional, OptionCode.Flush),
        Entry("event", Optional, OptionCode.Event),
        Entry("counter", Optional, OptionCode.Count),
        Entry("stats", None, OptionCode.Stats),
        Entry("version", None, OptionCode.Version),
        Entry("help", None, OptionCode.Help),
        Entry("orig-src", Required, OptionCode.OriginalSource),
        Entry("src", Required, OptionCode.OriginalSource),
        Entry("orig-dst", Required, OptionCode.OriginalDestination),
        Entry("dst", Required, OptionCode.OriginalDestination),
        Entry("reply-src", Required, OptionCode.ReplySource),
        Entry("reply-dst", Required, OptionCode.ReplyDestination),
        Entry("protonum", Required, OptionCode.Protocol),
        Entry("timeout", Required, OptionCode.Timeout),
        Entry("status", Required, OptionCode.Status),
        Entry("zero", None, OptionCode.Zero),
        Entry("event-mask", Required, OptionCode.EventMask),
        Entry("tuple-src", Required, OptionCode.TupleSource),
        Entry("tuple-dst", Required, OptionCode.TupleDestination),
        Entry("mask-src", Required, OptionCode.MaskSource),
        Entry("mask-dst", Required, OptionCode.MaskDestination),
        Entry("nat-range", Required, OptionCode.NatRange),
        Entry("mark", Required, OptionCode.Mark),
        Entry("secmark", Required, OptionCode.Secmark),
        Entry("id", Optional, OptionCode.Id),
        Entry("family", Required, OptionCode.Family),
        Entry("src-nat", Optional, OptionCode.SourceNat),
        Entry("dst-nat", Optional, OptionCode.DestinationNat),
        Entry("output", Required, OptionCode.Output),
        Entry("buffer-size", Required, OptionCode.BufferSize),
        Entry("any-nat", Optional, OptionCode.AnyNat),
        Entry("zone", Required, OptionCode.Zone),
        Entry("label", Required, OptionCode.Label),
        Entry("label-add", Required, OptionCode.LabelAdd),
        Entry("label-del", Optional, OptionCode.LabelDelete),
        Entry("orig-zone", Required, OptionCode.OriginalZone),
        Entry("reply-zone", Required, OptionCode.ReplyZone),

        // netct's own, after conntrack's so that abbreviations of theirs resolve as in conntrack.
        Entry("resync", None, OptionCode.Resync),
    ];

    /// <summary>conntrack's get_long_opt(): the first long name of an option, as its messages quote it.</summary>
    public static string LongNameOf(OptionCode code)
    {
        foreach (var option in LongOptions)
        {
            if (option.Code == (int)code)
                return option.Name;
        }
        return "unknown";
    }

    private static LongOption Entry(string name, ArgumentRequirement argument, OptionCode code) => new(name, argument, (int)code);
}
