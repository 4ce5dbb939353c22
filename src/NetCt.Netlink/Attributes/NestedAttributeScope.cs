namespace NetCt.Netlink;

/// <summary>
/// An open nested attribute of a <see cref="NetlinkWriter"/>; disposing it patches the nest's
/// length. A ref struct so it lives on the stack and cannot outlive the <c>using</c> block.
/// </summary>
public readonly ref struct NestedAttributeScope
{
    private readonly NetlinkWriter _writer;
    private readonly int _start;
    private readonly int _depth;

    internal NestedAttributeScope(NetlinkWriter writer, int start, int depth)
    {
        _writer = writer;
        _start = start;
        _depth = depth;
    }

    /// <summary>Closes the nest, patching its nla_len to cover everything put since it was opened.</summary>
    public void Dispose() => _writer?.EndNested(_start, _depth);
}
