using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zout.Basisondersteuning.Web.Infrastructure.Database;

/// <summary>What kind of database trouble an exception is: the database cannot be reached, or its disk is full.</summary>
public enum DatabaseOutageKind
{
    None,
    Unreachable,
    DiskFull,
}

/// <summary>
/// Tells a database that is away (unreachable, locked beyond the retries, its file missing) or full from a bug, so the
/// error page can answer 503 in Dutch instead of 500: the portal is fine and recovers by itself when the database returns.
/// </summary>
public static class DatabaseOutage
{
    // SQLite result codes (primary code = extended & 0xFF).
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteCorrupt = 11, SqliteFull = 13, SqliteCantOpen = 14,
        SqliteNotADatabase = 26;

    // SQL Server: timeout, network and login errors, database unavailable, Azure throttling.
    private static readonly HashSet<int> SqlServerUnavailable = [-2, 2, 53, 233, 4060, 18456, 10053, 10054, 10060, 10061, 11001, 40197, 40501, 40613, 49918, 49919, 49920];

    public static DatabaseOutageKind Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    var code = sqlite.SqliteErrorCode & 0xFF;
                    if (code == SqliteFull) return DatabaseOutageKind.DiskFull;
                    if (code is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteCorrupt or SqliteCantOpen or SqliteNotADatabase)
                    {
                        return DatabaseOutageKind.Unreachable;
                    }

                    break;
                case SqlException sql when sql.Class >= 20 || sql.Errors.Cast<SqlError>().Any(x => SqlServerUnavailable.Contains(x.Number)):
                    return DatabaseOutageKind.Unreachable;
                case RetryLimitExceededException:
                    return DatabaseOutageKind.Unreachable;
                case DbException db when db.IsTransient:
                    return DatabaseOutageKind.Unreachable;
                case IOException io when io.HResult == unchecked((int)0x80070070) || io.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase):
                    return DatabaseOutageKind.DiskFull;
            }
        }

        return DatabaseOutageKind.None;
    }
}
