namespace NetCt.Interop;

/// <summary><c>enum ctattr_secctx</c>: members of a CTA_SECCTX nest.</summary>
public enum CtattrSecctx : ushort
{
    /// <summary>CTA_SECCTX_UNSPEC.</summary>
    CTA_SECCTX_UNSPEC = 0,

    /// <summary>CTA_SECCTX_NAME: security context (string).</summary>
    CTA_SECCTX_NAME = 1,
}
