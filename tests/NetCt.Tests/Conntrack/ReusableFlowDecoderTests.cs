using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Reflection;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>
/// The reused entry of <see cref="ReusableFlowDecoder"/> reads exactly like a fresh decode of the
/// same message, whatever entry it held before: nothing of the previous entry survives.
/// </summary>
public sealed class ReusableFlowDecoderTests
{
    private static readonly byte[][] Captured = CapturedMessages.MixedEntries;

    public static TheoryData<int> Fixtures()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Captured.Length; i++)
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryEntryAfterEveryOtherDecodesAsAFreshOne(int fixture)
    {
        foreach (byte[] previous in Captured)
        {
            var decoder = new ReusableFlowDecoder();
            decoder.Decode(new NetlinkMessage(previous));

            Flow reused = decoder.Decode(new NetlinkMessage(Captured[fixture]));

            FlowAssert.Equal(FlowDecoder.Decode(new NetlinkMessage(Captured[fixture])), reused);
        }
    }

    [Fact]
    public void EveryEntryIsTheSameInstance()
    {
        var decoder = new ReusableFlowDecoder();
        Flow first = decoder.Decode(new NetlinkMessage(CapturedMessages.TcpEstablishedAssuredMarked));

        Assert.Same(first, decoder.Decode(new NetlinkMessage(CapturedMessages.Udp)));
        Assert.Same(first.Original, decoder.Decode(new NetlinkMessage(CapturedMessages.IcmpEcho)).Original);
    }

    [Fact]
    public void AnAddressSeenAgainIsNotAllocatedAgain()
    {
        var decoder = new ReusableFlowDecoder();
        Flow flow = decoder.Decode(new NetlinkMessage(CapturedMessages.TcpEstablishedAssuredMarked));

        // The reply tuple repeats the original's addresses the other way round.
        Assert.Same(flow.Original!.Source, flow.Reply!.Destination);
        Assert.Same(flow.Original.Destination, flow.Reply.Source);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), flow.Original.Source);
    }

    // Clear() is what keeps a reused entry honest: a field added to the model and not cleared
    // there would leak from one entry into the next. Every settable property is set, then cleared.
    [Theory]
    [InlineData(typeof(Flow))]
    [InlineData(typeof(FlowTuple))]
    [InlineData(typeof(TcpInfo))]
    [InlineData(typeof(SctpInfo))]
    [InlineData(typeof(DccpInfo))]
    public void ClearUnsetsEverySettableProperty(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.NonPublicMethods)]
        Type modelType)
    {
        object instance = Activator.CreateInstance(modelType)!;
        PropertyInfo[] properties = modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite).ToArray();
        Assert.NotEmpty(properties);
        foreach (PropertyInfo property in properties)
        {
            property.SetValue(instance, SampleValue(property.PropertyType));
            Assert.NotEqual(DefaultOf(property.PropertyType), property.GetValue(instance));
        }

        modelType.GetMethod("Clear", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(instance, null);

        foreach (PropertyInfo property in properties)
            Assert.True(Equals(DefaultOf(property.PropertyType), property.GetValue(instance)), $"{modelType.Name}.{property.Name} survives Clear()");
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Tests run on the JIT, untrimmed.")]
    private static object? DefaultOf(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Tests run on the JIT, untrimmed.")]
    private static object SampleValue(Type type)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
            return Enum.ToObject(underlying, 1);
        if (underlying == typeof(string))
            return "x";
        if (underlying == typeof(byte[]))
            return new byte[] { 1 };
        if (underlying == typeof(IPAddress))
            return IPAddress.Loopback;
        if (underlying.IsPrimitive)
            return Convert.ChangeType(1, underlying);
        return Activator.CreateInstance(underlying)!;
    }
}
