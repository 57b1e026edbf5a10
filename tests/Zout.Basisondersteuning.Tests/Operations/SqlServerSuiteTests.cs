using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>
/// The HTTP tests run on SQL Server when TEST_SQLSERVER holds a connection string (each portal on a database of its own),
/// and on SQLite otherwise; this test says which, as a skipped test with the reason when there is no SQL Server.
/// </summary>
[Collection(Portals.Main)]
public sealed class SqlServerSuiteTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [SkippableFact]
    public async Task HttpSuite_RunsOnSqlServer_WhenTestSqlServerIsSet()
    {
        Skip.IfNot(PortalFactory.UsesSqlServer,
            "SQL Server: TEST_SQLSERVER is not set, so the HTTP tests ran on SQLite only. Set TEST_SQLSERVER to a connection string (docs/operations.md) to run them on SQL Server.");
        Assert.True(await Factory.WithDbAsync(db => Task.FromResult(db.Database.IsSqlServer())));
        Assert.Empty(await Factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}
