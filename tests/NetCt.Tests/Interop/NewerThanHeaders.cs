namespace NetCt.Tests.Interop;

/// <summary>
/// The constants NetCt.Interop mirrors from kernels newer than the linux headers the tests build
/// against (Debian bookworm's linux-libc-dev is 6.1). Where the installed headers lack one, the C
/// probe cannot name it, so it is checked against the value written here (copied from the newer
/// kernel's header) and the header's last member (<see cref="NewerConstant.HeaderMax"/>) must stop
/// before it, which proves the headers really lack it; where the headers have it, it is probed
/// like every other constant.
/// </summary>
internal static class NewerThanHeaders
{
    public static IReadOnlyList<NewerConstant> All { get; } =
    [
        // include/uapi/linux/netfilter/nfnetlink_conntrack.h, after CTA_STATUS_MASK
        // ("netfilter: conntrack: add conntrack event timestamp").
        new("CTA_TIMESTAMP_EVENT", 27, Kernel: "6.14", HeaderMax: "CTA_MAX"),
    ];

    public static bool Lists(string name) => All.Any(constant => constant.Name == name);
}

/// <summary>A constant newer than the installed headers.</summary>
/// <param name="Name">The C name.</param>
/// <param name="Value">The value in the kernel header that added it.</param>
/// <param name="Kernel">The first kernel release with it.</param>
/// <param name="HeaderMax">The header's <c>*_MAX</c> of the same enum: below <paramref name="Value"/> in headers that lack it.</param>
internal readonly record struct NewerConstant(string Name, long Value, string Kernel, string HeaderMax);
