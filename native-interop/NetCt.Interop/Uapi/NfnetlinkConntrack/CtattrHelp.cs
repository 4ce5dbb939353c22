namespace NetCt.Interop;

/// <summary><c>enum ctattr_help</c>: members of a CTA_HELP nest.</summary>
public enum CtattrHelp : ushort
{
    /// <summary>CTA_HELP_UNSPEC.</summary>
    CTA_HELP_UNSPEC = 0,

    /// <summary>CTA_HELP_NAME: helper name (string).</summary>
    CTA_HELP_NAME = 1,

    /// <summary>CTA_HELP_INFO: helper-private data (binary).</summary>
    CTA_HELP_INFO = 2,
}
