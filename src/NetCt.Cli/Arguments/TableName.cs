namespace NetCt.Cli.Arguments;

/// <summary>conntrack's check_type(): the table after a command, as any prefix of its name (even empty).</summary>
internal static class TableName
{
    public static ConntrackTable Read(string? name)
    {
        if (name is null)
            return ConntrackTable.Conntrack;
        if ("expect".StartsWith(name, StringComparison.Ordinal))
            return ConntrackTable.Expect;
        if ("conntrack".StartsWith(name, StringComparison.Ordinal))
            return ConntrackTable.Conntrack;
        if ("dying".StartsWith(name, StringComparison.Ordinal))
            return ConntrackTable.Dying;
        if ("unconfirmed".StartsWith(name, StringComparison.Ordinal))
            return ConntrackTable.Unconfirmed;
        throw ParameterException.Problem($"unknown type `{name}'");
    }
}
