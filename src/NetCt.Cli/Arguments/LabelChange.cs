namespace NetCt.Cli.Arguments;

/// <summary><c>--label-add</c> or <c>--label-del</c>: the label bits to set or clear on the entries.</summary>
/// <param name="IsAddition">True for --label-add, false for --label-del.</param>
/// <param name="Bits">The bitmap (bit N is label N, in 32-bit little-endian words as the kernel keeps them), or null for a bare --label-del, which clears every label.</param>
internal sealed record LabelChange(bool IsAddition, byte[]? Bits);
