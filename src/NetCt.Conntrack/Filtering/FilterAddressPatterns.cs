namespace NetCt.Conntrack;

/// <summary>The <see cref="AddressPattern"/> of each address a <see cref="FlowFilter"/> can want, null until first needed.</summary>
internal struct FilterAddressPatterns
{
    public AddressPattern? OriginalSource;
    public AddressPattern? OriginalDestination;
    public AddressPattern? ReplySource;
    public AddressPattern? ReplyDestination;
    public AddressPattern? SourceNat;
    public AddressPattern? DestinationNat;
}
