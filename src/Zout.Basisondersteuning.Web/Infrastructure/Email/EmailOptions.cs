namespace Zout.Basisondersteuning.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>"Folder" writes each mail as an .eml file (Development, tests); "Smtp" sends it.</summary>
    public string Mode { get; set; } = FolderMode;

    /// <summary>Folder for mail files; relative paths are inside the data folder.</summary>
    public string? Folder { get; set; }

    public string FromAddress { get; set; } = "noreply@basisondersteuning.example";
    public string FromName { get; set; } = "Basisondersteuning";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Folder mode outside Development on purpose (tests, staging): no start-up warning and no Degraded /health entry.</summary>
    public bool AllowFolderOutsideDevelopment { get; set; }

    public const string FolderMode = "Folder";
    public const string SmtpMode = "Smtp";

    public bool IsSmtp => string.Equals(Mode, SmtpMode, StringComparison.OrdinalIgnoreCase);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>"StartTls" (default), "SslOnConnect" or "None".</summary>
    public string Security { get; set; } = "StartTls";
}
