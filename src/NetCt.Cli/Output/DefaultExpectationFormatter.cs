using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// conntrack's plain text line for an expectation (libnetfilter_conntrack 1.0.9
/// __snprintf_expect_default): <c>299 proto=6 src=… dst=… sport=0 dport=51210 mask-src=… mask-dst=…
/// sport=0 dport=65535 master-src=… master-dst=… sport=… dport=21 [zone=…] [PERMANENT,INACTIVE]
/// class=0 helper=ftp</c>. Every field is written with a trailing blank and the last one is removed,
/// so the caller must have opened a record on the buffer. The NAT target and the expect function are not printed.
/// </summary>
internal static class DefaultExpectationFormatter
{
    public static void Write(OutputBuffer output, Expectation expectation, FlowEventType? eventType)
    {
        var line = new RecordLineWriter(output);
        DefaultFlowFormatter.WriteEventType(ref line, eventType);

        // The library prints its zeroed fields for what the kernel did not send.
        output.WriteDecimal(expectation.Timeout ?? 0);
        output.Write(" proto="u8);
        output.WriteDecimal((ulong)(expectation.Tuple?.Protocol ?? 0));
        output.WriteSpace();

        WriteTuple(output, expectation.Tuple, expectation.Family, "src="u8, " dst="u8);
        WriteTuple(output, expectation.Mask, expectation.Family, "mask-src="u8, " mask-dst="u8);
        WriteTuple(output, expectation.Master, expectation.Family, "master-src="u8, " master-dst="u8);

        if (expectation.Zone is { } zone)
        {
            output.Write("zone="u8);
            output.WriteDecimal((ulong)zone);
            output.WriteSpace();
        }
        if (expectation.Flags is { } flags)
            WriteFlags(output, flags);
        if (expectation.Class is { } expectationClass)
        {
            output.Write("class="u8);
            output.WriteDecimal((ulong)expectationClass);
            output.WriteSpace();
        }
        if (expectation.Helper is { } helper)
        {
            output.Write("helper="u8);
            output.WriteUtf8(helper);
            output.WriteSpace();
        }

        output.TrimRecordEnd(1);
    }

    private static void WriteTuple(OutputBuffer output, FlowTuple? tuple, IpFamily family, ReadOnlySpan<byte> sourceLabel, ReadOnlySpan<byte> destinationLabel)
    {
        var line = new RecordLineWriter(output);
        if (FlowFields.PrintsAddresses(family))
        {
            output.Write(sourceLabel);
            FlowFields.WriteAddress(ref line, tuple?.Source, family);
            output.Write(destinationLabel);
            FlowFields.WriteAddress(ref line, tuple?.Destination, family);
            output.WriteSpace();
        }
        if (tuple is not null)
            DefaultFlowFormatter.WriteProtocolFields(ref line, tuple);
    }

    // "PERMANENT,INACTIVE,USERSPACE " for the bits set; bits the library does not know print nothing.
    private static void WriteFlags(OutputBuffer output, ExpectationFlags flags)
    {
        bool written = false;
        WriteFlag(output, flags, ExpectationFlags.Permanent, "PERMANENT"u8, ref written);
        WriteFlag(output, flags, ExpectationFlags.Inactive, "INACTIVE"u8, ref written);
        WriteFlag(output, flags, ExpectationFlags.Userspace, "USERSPACE"u8, ref written);
        if (written)
            output.WriteSpace();
    }

    private static void WriteFlag(OutputBuffer output, ExpectationFlags flags, ExpectationFlags flag, ReadOnlySpan<byte> name, ref bool written)
    {
        if ((flags & flag) == 0)
            return;
        if (written)
            output.Write((byte)',');
        output.Write(name);
        written = true;
    }
}
