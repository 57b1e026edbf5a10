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

    public const string SqliteProvider = "Sqlite";
    public const string SqlServerProvider = "SqlServer";
    public const string SqliteFileName = "basisondersteuning.db";

    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);
    public bool IsSqlServer => string.Equals(Provider, SqlServerProvider, StringComparison.OrdinalIgnoreCase);
}
