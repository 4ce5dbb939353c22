using System.Runtime.InteropServices;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class AttributeFramingTests
{
    [Fact]
    public void StepsThroughAttributesGivingTypeValueOffsetAndLengthWithoutTheFlags()
    {
        // A 3-byte value (padded to 4), then a nested-flagged attribute with a 4-byte value.
        byte[] data = [7, 0, 5, 0, 1, 2, 3, 0, 8, 0, 0x02 | 0, 0x80, 9, 9, 9, 9];
        int next = 0;

        Assert.True(Step(data, ref next, data.Length, out int type, out int value, out int length));
        Assert.Equal((5, 4, 3, 8), (type, value, length, next));
        Assert.True(Step(data, ref next, data.Length, out type, out value, out length));
        Assert.Equal((2, 12, 4, 16), (type, value, length, next));
        Assert.False(Step(data, ref next, data.Length, out _, out _, out _));
        Assert.True(AttributeFraming.IsEnd(next, data.Length));
    }

    [Fact]
    public void TheLastAttributesOmittedPaddingIsTheEnd()
    {
        byte[] data = [5, 0, 1, 0, 42];   // nla_len 5: the aligned step passes the end by 3
        int next = 0;

        Assert.True(Step(data, ref next, data.Length, out _, out _, out _));
        Assert.Equal(8, next);
        Assert.False(Step(data, ref next, data.Length, out _, out _, out _));
        Assert.True(AttributeFraming.IsEnd(next, data.Length));
    }

    [Theory]
    [InlineData(new byte[] { 3, 0, 1, 0 })]            // nla_len shorter than its header
    [InlineData(new byte[] { 12, 0, 1, 0, 0, 0, 0, 0 })] // nla_len past the end
    [InlineData(new byte[] { 4, 0 })]                  // a truncated header
    public void AMalformedAttributeStopsTheStepWhereItIsAndIsNotTheEnd(byte[] data)
    {
        int next = 0;

        Assert.False(Step(data, ref next, data.Length, out _, out _, out _));
        Assert.Equal(0, next);
        Assert.False(AttributeFraming.IsEnd(next, data.Length));
    }

    [Fact]
    public void AnEndBeforeTheSpansEndBoundsTheAttributes()
    {
        byte[] data = [.. Attribute(1, 0x2A), .. Attribute(2, 0x2B)];
        int next = 0;
        int end = data.Length / 2;

        Assert.True(Step(data, ref next, end, out int type, out _, out _));
        Assert.Equal(1, type);
        Assert.False(Step(data, ref next, end, out _, out _, out _));
        Assert.True(AttributeFraming.IsEnd(next, end));
    }

    private static bool Step(byte[] data, ref int next, int end, out int type, out int value, out int length) =>
        AttributeFraming.TryStep(ref MemoryMarshal.GetArrayDataReference(data), ref next, end, out type, out value, out length);
}
