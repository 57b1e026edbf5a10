using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zout.Basisondersteuning.Web.Infrastructure.Email;

/// <summary>
/// Degraded outside Development while mails go to a folder (Email:Mode=Folder, the default): then no password-reset
/// link, invitation or reminder reaches anybody. Said at start-up too (<see cref="MailModeWarning"/>).
/// </summary>
public sealed class MailModeHealthCheck(EmailOptions options, IHostEnvironment environment) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(MailModeWarning.IsFolderOutsideDevelopment(options, environment)
            ? HealthCheckResult.Degraded(MailModeWarning.Text)
            : HealthCheckResult.Healthy(options.IsSmtp ? "SMTP" : "Folder (Development)"));
}

public static class MailModeWarning
{
    public const string Text =
        "Email:Mode is Folder: mails (password resets, invitations, reminders) are written to the mail folder and NOT sent. Set Email:Mode=Smtp for production.";

    /// <summary>Folder mode outside Development, unless Email:AllowFolderOutsideDevelopment says it is meant (a test or staging set-up).</summary>
    public static bool IsFolderOutsideDevelopment(EmailOptions options, IHostEnvironment environment) =>
        !options.IsSmtp && !environment.IsDevelopment() && !options.AllowFolderOutsideDevelopment;
}
