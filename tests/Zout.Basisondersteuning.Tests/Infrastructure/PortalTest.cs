using Xunit.Abstractions;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// Base of the HTTP tests: the portal (shared with the other classes of its collection, see
/// <see cref="Portals"/>, or the class's own), its <see cref="World"/> and data builder, and the portal's
/// log in this test's output.
/// </summary>
public abstract class PortalTest<TFactory> : IDisposable where TFactory : PortalFactory
{
    protected PortalTest(TFactory factory, ITestOutputHelper output)
    {
        Factory = factory;
        factory.Log.Attach(output);
    }

    protected TFactory Factory { get; }

    protected World World => Factory.World;

    protected TestData Data => Factory.Data;

    public void Dispose()
    {
        Factory.Log.Detach();
        GC.SuppressFinalize(this);
    }
}

/// <inheritdoc />
public abstract class PortalTest(PortalFactory factory, ITestOutputHelper output) : PortalTest<PortalFactory>(factory, output);
