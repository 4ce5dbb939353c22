namespace NetCt.IntegrationTests.Harness;

/// <summary>
/// Like <see cref="NetctContainerFixture"/>, but root without CAP_NET_ADMIN: ctnetlink refuses
/// every request with EPERM, and joining its multicast groups fails.
/// </summary>
public sealed class UnprivilegedNetctContainerFixture : ContainerFixture
{
    /// <inheritdoc />
    protected override bool MountsNetct => true;

    /// <inheritdoc />
    protected override IReadOnlyList<string> Capabilities => [];
}
