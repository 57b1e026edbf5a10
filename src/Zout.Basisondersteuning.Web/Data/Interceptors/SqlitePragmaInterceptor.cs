using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Sets the per-connection SQLite settings: wait for a lock instead of failing at once when two requests
/// write at the same moment. WAL mode is a property of the database file and is set once at start-up.
/// </summary>
public sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmaSql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PragmaSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string PragmaSql => $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;";
}
