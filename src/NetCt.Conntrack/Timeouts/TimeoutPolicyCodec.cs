using System.Text;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Between <see cref="TimeoutPolicy"/> and CTA_TIMEOUT_* attributes, in libnetfilter_cttimeout's order.</summary>
internal static class TimeoutPolicyCodec
{
    /// <summary>Writes the attributes of a policy that are set: name, families, then the timeouts by attribute type.</summary>
    public static void Write(NetlinkWriter writer, TimeoutPolicy policy)
    {
        if (policy.Name is { } name)
        {
            WriteName(writer, name);
        }

        writer.PutUInt16BigEndian((ushort)CtattrTimeout.CTA_TIMEOUT_L3PROTO, policy.Family);
        writer.PutByte((ushort)CtattrTimeout.CTA_TIMEOUT_L4PROTO, policy.Protocol);
        if (policy.Timeouts.Count == 0)
        {
            return;
        }

        using NestedAttributeScope data = writer.BeginNested((ushort)CtattrTimeout.CTA_TIMEOUT_DATA);
        foreach (ushort state in policy.Timeouts.Keys.Order())
        {
            writer.PutUInt32BigEndian(state, policy.Timeouts[state]);
        }
    }

    /// <summary>Writes only a name (get, delete).</summary>
    public static void WriteName(NetlinkWriter writer, string name) =>
        writer.PutString((ushort)CtattrTimeout.CTA_TIMEOUT_NAME, name);

    public static TimeoutPolicy Decode(NetlinkMessage message)
    {
        try
        {
            string? name = null;
            ushort family = 0;
            byte protocol = 0;
            uint? use = null;
            var timeouts = new Dictionary<ushort, uint>();
            AttributeReader reader = message.GetNfAttributes();
            while (reader.Next())
            {
                switch ((CtattrTimeout)reader.Type)
                {
                    case CtattrTimeout.CTA_TIMEOUT_NAME:
                        name = reader.GetString();
                        break;
                    case CtattrTimeout.CTA_TIMEOUT_L3PROTO:
                        family = reader.GetUInt16BigEndian();
                        break;
                    case CtattrTimeout.CTA_TIMEOUT_L4PROTO:
                        protocol = reader.GetByte();
                        break;
                    case CtattrTimeout.CTA_TIMEOUT_DATA:
                        ReadTimeouts(reader.GetNested(), timeouts);
                        break;
                    case CtattrTimeout.CTA_TIMEOUT_USE:
                        use = reader.GetUInt32BigEndian();
                        break;
                }
            }

            return new TimeoutPolicy { Name = name, Family = family, Protocol = protocol, Timeouts = timeouts, Use = use };
        }
        catch (NetlinkDecodeException e)
        {
            throw DecodeErrors.Within("timeout policy", e);
        }
    }

    /// <summary>The length in bytes of a name as the kernel stores it (UTF-8, without the NUL).</summary>
    public static int NameBytes(string name) => Encoding.UTF8.GetByteCount(name);

    private static void ReadTimeouts(AttributeReader reader, Dictionary<ushort, uint> timeouts)
    {
        while (reader.Next())
        {
            try
            {
                timeouts[reader.Type] = reader.GetUInt32BigEndian();
            }
            catch (NetlinkDecodeException e)
            {
                throw DecodeErrors.Within($"CTA_TIMEOUT_DATA: attribute {reader.Type}", e);
            }
        }
    }
}
