namespace NetCt.Interop;

/// <summary><c>enum nlmsgerr_attrs</c>: extended-ack attributes after an NLMSG_ERROR (<c>linux/netlink.h</c>).</summary>
public enum NlmsgerrAttrs : ushort
{
    /// <summary>NLMSGERR_ATTR_UNUSED.</summary>
    NLMSGERR_ATTR_UNUSED = 0,

    /// <summary>NLMSGERR_ATTR_MSG: human-readable error message (NUL-terminated string).</summary>
    NLMSGERR_ATTR_MSG = 1,

    /// <summary>NLMSGERR_ATTR_OFFS: offset of the offending attribute in the request, from its nlmsghdr (u32, host order).</summary>
    NLMSGERR_ATTR_OFFS = 2,

    /// <summary>NLMSGERR_ATTR_COOKIE: subsystem-specific cookie (binary).</summary>
    NLMSGERR_ATTR_COOKIE = 3,

    /// <summary>NLMSGERR_ATTR_POLICY: policy of the rejected attribute (nested).</summary>
    NLMSGERR_ATTR_POLICY = 4,

    /// <summary>NLMSGERR_ATTR_MISS_TYPE: type of a missing required attribute (u32).</summary>
    NLMSGERR_ATTR_MISS_TYPE = 5,

    /// <summary>NLMSGERR_ATTR_MISS_NEST: offset of the nest where an attribute was missing (u32).</summary>
    NLMSGERR_ATTR_MISS_NEST = 6,
}
