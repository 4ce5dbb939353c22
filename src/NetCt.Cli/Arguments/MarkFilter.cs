using NetCt.Cli.Libc;

namespace NetCt.Cli.Arguments;

/// <summary>
/// <c>-m value[/mask]</c>, read with strtoul base 0 and never rejected (<c>-m foo</c> is 0/0xffffffff).
/// Entries match when <c>(mark &amp; Mask) == Value</c>; <c>-U</c> sets <c>(mark &amp; ~Mask) ^ Value</c>; <c>-I</c> sets Value.
/// </summary>
/// <param name="Value">The mark.</param>
/// <param name="Mask">The bits it speaks for; 0xffffffff without '/'.</param>
internal readonly record struct MarkFilter(uint Value, uint Mask)
{
    public static MarkFilter Parse(string argument)
    {
        uint value = unchecked((uint)CNumber.StrToUL(argument, 0, out int end));
        if (end < argument.Length && argument[end] == '/')
            return new MarkFilter(value, unchecked((uint)CNumber.StrToUL(argument.AsSpan(end + 1), 0)));
        return new MarkFilter(value, uint.MaxValue);
    }
}
