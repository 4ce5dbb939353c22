using System.Runtime.CompilerServices;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Tests.Output;

public sealed class FlowViewFieldsTests
{
    // FlowViewFields.Of sees a view's storage as the wrapper: sound only while the view is the
    // wrapper's one field.
    [Fact]
    public void The_fields_are_the_view_and_nothing_else() =>
        Assert.Equal(Unsafe.SizeOf<FlowView>(), Unsafe.SizeOf<FlowViewFields>());
}
