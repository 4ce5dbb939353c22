namespace NetCt.IntegrationTests.Harness;

/// <summary>
/// A <see cref="NetctContainerFixture"/> that may also create and enter network namespaces
/// (<c>ip netns add</c>, setns(2)): those need CAP_SYS_ADMIN as well.
/// </summary>
public sealed class NamespaceContainerFixture : ContainerFixture
{
    /// <inheritdoc />
    protected override bool MountsNetct => true;

    /// <inheritdoc />
    protected override IReadOnlyList<string> Capabilities => ["NET_ADMIN", "SYS_ADMIN"];
}
