using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Prefixes a decode failure with the attribute that was being decoded, one nesting level at a
/// time, so the final message reads like a path: <c>CTA_TUPLE_ORIG: CTA_TUPLE_IP: CTA_IP_V4_SRC: …</c>.
/// </summary>
internal static class DecodeErrors
{
    public static NetlinkDecodeException Within<TAttribute>(ushort attributeType, NetlinkDecodeException inner)
        where TAttribute : struct, Enum
        => Within(Name<TAttribute>(attributeType), inner);

    public static NetlinkDecodeException Within(string context, NetlinkDecodeException inner)
        => new($"{context}: {inner.Message}", inner);

    public static NetlinkDecodeException ValueTooShort(int length, int needed, string what)
        => new($"value is {length} bytes, {what} needs {needed}");

    // Only called on the error path, so the enum name lookup may allocate.
    private static string Name<TAttribute>(ushort attributeType)
        where TAttribute : struct, Enum
    {
        var value = (TAttribute)Enum.ToObject(typeof(TAttribute), attributeType);
        return Enum.GetName(value) ?? $"{typeof(TAttribute).Name} type {attributeType}";
    }
}
