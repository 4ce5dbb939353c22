using NetCt.Conntrack;

namespace NetCt.Tests.Conntrack;

/// <summary>Field-by-field equality of model objects, which are classes without value equality.</summary>
internal static class FlowAssert
{
    public static void Equal(Flow expected, Flow actual)
    {
        Assert.Equal(expected.Family, actual.Family);
        Equal(expected.Original, actual.Original);
        Equal(expected.Reply, actual.Reply);
        Equal(expected.Master, actual.Master);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Timeout, actual.Timeout);
        Assert.Equal(expected.Mark, actual.Mark);
        Assert.Equal(expected.Secmark, actual.Secmark);
        Assert.Equal(expected.SecurityContext, actual.SecurityContext);
        Assert.Equal(expected.Zone, actual.Zone);
        Assert.Equal(expected.Use, actual.Use);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.OriginalCounters, actual.OriginalCounters);
        Assert.Equal(expected.ReplyCounters, actual.ReplyCounters);
        Assert.Equal(expected.Timestamps, actual.Timestamps);
        Assert.Equal(expected.EventTimestamp, actual.EventTimestamp);
        Assert.Equal(expected.Helper, actual.Helper);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.LabelsMask, actual.LabelsMask);
        Equal(expected.Tcp, actual.Tcp);
        Equal(expected.Sctp, actual.Sctp);
        Equal(expected.Dccp, actual.Dccp);
        Equal(expected.SourceNat, actual.SourceNat);
        Equal(expected.DestinationNat, actual.DestinationNat);
        Assert.Equal(expected.SequenceAdjustmentOriginal, actual.SequenceAdjustmentOriginal);
        Assert.Equal(expected.SequenceAdjustmentReply, actual.SequenceAdjustmentReply);
        Assert.Equal(expected.Synproxy, actual.Synproxy);
    }

    /// <summary>A view reads every value as the decoded flow of the same message has it.</summary>
    public static void Equal(Flow flow, FlowView view)
    {
        Assert.Equal(flow.Family, view.Family);
        Equal(flow.Original, view.Original);
        Equal(flow.Reply, view.Reply);
        Assert.Equal(flow.Status, view.Status);
        Assert.Equal(flow.Timeout, view.Timeout);
        Assert.Equal(flow.Mark, view.Mark);
        Assert.Equal(flow.Secmark, view.Secmark);
        Assert.Equal(flow.Zone, view.Zone);
        Assert.Equal(flow.Use, view.Use);
        Assert.Equal(flow.Id, view.Id);
        Assert.Equal(flow.Tcp?.State, view.TcpState);
        Assert.Equal(flow.Sctp?.State, view.SctpState);
        Assert.Equal(flow.Dccp?.State, view.DccpState);
        Assert.Equal(flow.OriginalCounters, view.OriginalCounters);
        Assert.Equal(flow.ReplyCounters, view.ReplyCounters);
        Assert.Equal(flow.Timestamps, view.Timestamps);
        Assert.Equal(flow.Helper is not null, view.HasHelper);
        Assert.Equal(flow.Helper ?? "", System.Text.Encoding.UTF8.GetString(view.Helper));
        Assert.Equal(flow.SecurityContext is not null, view.HasSecurityContext);
        Assert.Equal(flow.Labels is not null, view.HasLabels);
        Assert.Equal(flow.Labels ?? [], view.Labels.ToArray());
    }

    private static void Equal(FlowTuple? expected, FlowTupleView actual)
    {
        Assert.Equal(expected is not null, actual.IsPresent);
        Assert.Equal(expected?.Source?.GetAddressBytes() ?? [], actual.Source.ToArray());
        Assert.Equal(expected?.Destination?.GetAddressBytes() ?? [], actual.Destination.ToArray());
        Assert.Equal(expected?.Protocol, actual.Protocol);
        Assert.Equal(expected?.SourcePort, actual.SourcePort);
        Assert.Equal(expected?.DestinationPort, actual.DestinationPort);
        Assert.Equal(expected?.IcmpType, actual.IcmpType);
        Assert.Equal(expected?.IcmpCode, actual.IcmpCode);
        Assert.Equal(expected?.IcmpId, actual.IcmpId);
        Assert.Equal(expected?.Zone, actual.Zone);
    }

    public static void Equal(FlowTuple? expected, FlowTuple? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Destination, actual.Destination);
        Assert.Equal(expected.Protocol, actual.Protocol);
        Assert.Equal(expected.SourcePort, actual.SourcePort);
        Assert.Equal(expected.DestinationPort, actual.DestinationPort);
        Assert.Equal(expected.IcmpType, actual.IcmpType);
        Assert.Equal(expected.IcmpCode, actual.IcmpCode);
        Assert.Equal(expected.IcmpId, actual.IcmpId);
        Assert.Equal(expected.Zone, actual.Zone);
    }

    private static void Equal(TcpInfo? expected, TcpInfo? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.WindowScaleOriginal, actual.WindowScaleOriginal);
        Assert.Equal(expected.WindowScaleReply, actual.WindowScaleReply);
        Assert.Equal(expected.FlagsOriginal, actual.FlagsOriginal);
        Assert.Equal(expected.FlagsReply, actual.FlagsReply);
    }

    private static void Equal(SctpInfo? expected, SctpInfo? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.VerificationTagOriginal, actual.VerificationTagOriginal);
        Assert.Equal(expected.VerificationTagReply, actual.VerificationTagReply);
    }

    private static void Equal(DccpInfo? expected, DccpInfo? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Role, actual.Role);
        Assert.Equal(expected.HandshakeSequence, actual.HandshakeSequence);
    }

    private static void Equal(NatRange? expected, NatRange? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.Equal(expected.MinAddress, actual.MinAddress);
        Assert.Equal(expected.MaxAddress, actual.MaxAddress);
        Assert.Equal(expected.MinPort, actual.MinPort);
        Assert.Equal(expected.MaxPort, actual.MaxPort);
    }
}
