using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>Symbolic names of errno values ("ENOENT"), for messages and for callers that map errors to text.</summary>
public static class ErrnoNames
{
    /// <summary>The C name of a positive errno, or "errno N" for one netct does not know.</summary>
    /// <param name="errno">A positive errno.</param>
    /// <returns>The name.</returns>
    public static string Get(int errno) => Enum.GetName((Errno)errno) ?? $"errno {errno}";
}
