namespace NetCt.Cli.Nfct;

/// <summary>How timeout policies are printed: nfct's text, or netct's JSON (<c>netct timeout … -o json</c>).</summary>
internal enum NfctOutputFormat
{
    Text,
    Json,
}
