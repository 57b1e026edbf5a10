namespace Zout.Basisondersteuning.Web.Infrastructure.Storage;

/// <summary>Where the app keeps its files: the SQLite database, mail drops, logs (the data-protection keys are in the database).</summary>
public sealed class StoragePaths
{
    public StoragePaths(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataDirectory"];
        DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "App_Data")
            : Path.Combine(environment.ContentRootPath, configured));
        Directory.CreateDirectory(DataDirectory);
        var mail = configuration["Email:Folder"];
        MailDirectory = string.IsNullOrWhiteSpace(mail) ? Path.Combine(DataDirectory, "mail") : Path.GetFullPath(Path.Combine(DataDirectory, mail));
        LogDirectory = Path.Combine(DataDirectory, "logs");
    }

    public string DataDirectory { get; }
    public string MailDirectory { get; }
    public string LogDirectory { get; }
}
