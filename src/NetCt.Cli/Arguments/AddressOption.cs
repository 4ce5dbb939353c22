using System.Net;
using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// Where each address option of conntrack goes: the template, the tuple field, the option bit, and
/// the mask option its CIDR prefix becomes (only -s, -d, --tuple-src and --tuple-dst have one).
/// </summary>
internal readonly record struct AddressOption(
    OptionCode Code, CommandOptions Flag, Func<FlowTemplates, Flow> Template, bool Reply, bool Source, AddressOption.MaskKind Mask)
{
    public enum MaskKind
    {
        None,
        SourceMask,
        DestinationMask,
    }

    public static AddressOption? For(OptionCode code) => code switch
    {
        OptionCode.OriginalSource => new(code, CommandOptions.OriginalSource, t => t.Entry, false, true, MaskKind.SourceMask),
        OptionCode.OriginalDestination => new(code, CommandOptions.OriginalDestination, t => t.Entry, false, false, MaskKind.DestinationMask),
        OptionCode.ReplySource => new(code, CommandOptions.ReplySource, t => t.Entry, true, true, MaskKind.None),
        OptionCode.ReplyDestination => new(code, CommandOptions.ReplyDestination, t => t.Entry, true, false, MaskKind.None),
        OptionCode.TupleSource => new(code, CommandOptions.TupleSource, t => t.ExpectedTuple, false, true, MaskKind.SourceMask),
        OptionCode.TupleDestination => new(code, CommandOptions.TupleDestination, t => t.ExpectedTuple, false, false, MaskKind.DestinationMask),
        OptionCode.MaskSource => new(code, CommandOptions.MaskSource, t => t.Mask, false, true, MaskKind.None),
        OptionCode.MaskDestination => new(code, CommandOptions.MaskDestination, t => t.Mask, false, false, MaskKind.None),
        _ => null,
    };

    /// <summary>Stores <paramref name="address"/> in its tuple field of <paramref name="flow"/>.</summary>
    public void Store(Flow flow, IPAddress address, IpFamily family)
    {
        var tuple = Reply ? FlowTemplates.Reply(flow) : FlowTemplates.Original(flow);
        if (Source)
            tuple.Source = address;
        else
            tuple.Destination = address;
        flow.Family = family;
    }
}
