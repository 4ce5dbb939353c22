namespace NetCt.Cli.Arguments;

/// <summary>conntrack's check_type(): the table after a command, as any prefix of its name (even empty).</summary>
internal static class TableNameReader
{
    public static TableName Read(string? name)
    {
        if (name is null)
            return TableName.Conntrack;
        if ("expect".StartsWith(name, StringComparison.Ordinal))
            return TableName.Expect;
        if ("conntrack".StartsWith(name, StringComparison.Ordinal))
            return TableName.Conntrack;
        if ("dying".StartsWith(name, StringComparison.Ordinal))
            return TableName.Dying;
        if ("unconfirmed".StartsWith(name, StringComparison.Ordinal))
            return TableName.Unconfirmed;
        throw ParameterException.Problem($"unknown type `{name}'");
    }
}
