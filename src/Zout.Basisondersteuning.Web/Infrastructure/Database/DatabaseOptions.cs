namespace Zout.Basisondersteuning.Web.Infrastructure.Database;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default) or "SqlServer".</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Connection string. For SQLite it may be empty: the file then lives in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public int SqliteBusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting: "Normal" (default; in WAL mode the file cannot be corrupted, but the last
    /// commits before a power cut or operating-system crash may be undone) or "Full" (every commit waits for the disk,
    /// which made a section save take tens to hundreds of milliseconds on a busy machine). ADR 063.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "Normal";

    /// <summary>
    /// This process's SQLite writers take turns in order at the write lock instead of polling in SQLite's busy handler
    /// (default on; ADR 068). Off only to compare the two in a benchmark.
    /// </summary>
    public bool SqliteWriteGate { get; set; } = true;

    public const string SqliteProvider = "Sqlite";
    public const string SqlServerProvider = "SqlServer";
    public const string SqliteFileName = "basisondersteuning.db";

    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);
    public bool IsSqlServer => string.Equals(Provider, SqlServerProvider, StringComparison.OrdinalIgnoreCase);
}
