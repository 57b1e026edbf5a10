using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Sets the per-connection SQLite settings: wait for a lock instead of failing at once when two requests
/// write at the same moment; foreign keys on; <c>synchronous</c> NORMAL (a commit in WAL mode does not wait for the
/// disk; ADR 063) unless FULL is configured. WAL mode is a property of the database file and is set once at start-up.
/// The settings belong to the native connection, which the pool hands out again and again: they are set once per
/// native connection, not on every open (EF opens a connection for each query; an extra command per query was a
/// measurable part of a page with five queries, issue 15).
/// </summary>
public sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds, bool synchronousFull = false) : DbConnectionInterceptor
{
    /// <summary>The native connections that have their settings; an entry goes when the pool closes its connection.</summary>
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = PragmaSql;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = PragmaSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Configured.AddOrUpdate(handle, handle);
    }

    private string PragmaSql =>
        $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = {(synchronousFull ? "FULL" : "NORMAL")};";
}
