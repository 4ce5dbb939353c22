namespace NetCt.Interop;

/// <summary>
/// <c>nlmsg_flags</c> bits from <c>linux/netlink.h</c>, in header order. The header reuses the
/// 0x100..0x800 bits with different meanings for GET, NEW, DELETE and ACK messages, so several
/// members share a value on purpose.
/// </summary>
[Flags]
public enum NetlinkMessageFlags : ushort
{
    /// <summary>NLM_F_REQUEST: the message is a request (set on everything userspace sends).</summary>
    NLM_F_REQUEST = 0x01,

    /// <summary>NLM_F_MULTI: part of a multipart reply, terminated by NLMSG_DONE.</summary>
    NLM_F_MULTI = 0x02,

    /// <summary>NLM_F_ACK: ask for an NLMSG_ERROR acknowledgement (errno 0 on success).</summary>
    NLM_F_ACK = 0x04,

    /// <summary>NLM_F_ECHO: echo the resulting notification back to the requester.</summary>
    NLM_F_ECHO = 0x08,

    /// <summary>NLM_F_DUMP_INTR: the dump was inconsistent because the table changed while it ran.</summary>
    NLM_F_DUMP_INTR = 0x10,

    /// <summary>NLM_F_DUMP_FILTERED: the kernel applied the filter the dump request asked for.</summary>
    NLM_F_DUMP_FILTERED = 0x20,

    /// <summary>NLM_F_ROOT (GET): return the whole table.</summary>
    NLM_F_ROOT = 0x100,

    /// <summary>NLM_F_MATCH (GET): return all matching entries.</summary>
    NLM_F_MATCH = 0x200,

    /// <summary>NLM_F_ATOMIC (GET): atomic snapshot (unused by ctnetlink).</summary>
    NLM_F_ATOMIC = 0x400,

    /// <summary>NLM_F_DUMP (GET): NLM_F_ROOT | NLM_F_MATCH, a multipart dump.</summary>
    NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH,

    /// <summary>NLM_F_REPLACE (NEW): override an existing object.</summary>
    NLM_F_REPLACE = 0x100,

    /// <summary>NLM_F_EXCL (NEW): fail with EEXIST if the object exists.</summary>
    NLM_F_EXCL = 0x200,

    /// <summary>NLM_F_CREATE (NEW): create the object if it does not exist.</summary>
    NLM_F_CREATE = 0x400,

    /// <summary>NLM_F_APPEND (NEW): add to the end of a list.</summary>
    NLM_F_APPEND = 0x800,

    /// <summary>NLM_F_NONREC (DELETE): do not delete recursively.</summary>
    NLM_F_NONREC = 0x100,

    /// <summary>NLM_F_BULK (DELETE): delete multiple objects.</summary>
    NLM_F_BULK = 0x200,

    /// <summary>NLM_F_CAPPED (ACK): the echoed request in the error message was cut to its header.</summary>
    NLM_F_CAPPED = 0x100,

    /// <summary>NLM_F_ACK_TLVS (ACK): extended-ack attributes (nlmsgerr_attrs) follow the error.</summary>
    NLM_F_ACK_TLVS = 0x200,
}
