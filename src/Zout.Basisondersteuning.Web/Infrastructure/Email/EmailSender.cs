using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Zout.Basisondersteuning.Web.Infrastructure.Storage;

namespace Zout.Basisondersteuning.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>The one way the app sends mail.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

internal static class MimeMessageFactory
{
    public static MimeMessage Create(EmailOptions options, EmailMessage message, TimeProvider timeProvider)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = timeProvider.GetUtcNow() };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Sends mail through an SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(EmailOptions options, TimeProvider timeProvider, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = MimeMessageFactory.Create(options, message, timeProvider);
        using var client = new SmtpClient();
        var security = options.Smtp.Security switch
        {
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Smtp.Host!, options.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.Smtp.UserName))
        {
            await client.AuthenticateAsync(options.Smtp.UserName, options.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Mail {Subject} sent by SMTP", message.Subject);
    }
}

/// <summary>Writes each mail as an .eml file into a folder (Development and tests).</summary>
public sealed class FolderEmailSender(EmailOptions options, StoragePaths paths, TimeProvider timeProvider, ILogger<FolderEmailSender> logger) : IEmailSender
{
    public string Folder => paths.MailDirectory;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var mime = MimeMessageFactory.Create(options, message, timeProvider);
        var file = Path.Combine(Folder, $"{timeProvider.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(file, cancellationToken);
        logger.LogInformation("Mail {Subject} written to {File}", message.Subject, file);
    }
}

public static class EmailSetup
{
    public static IServiceCollection AddAppEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        services.AddSingleton(options);
        if (options.IsSmtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                throw new InvalidOperationException("Email:Smtp:Host is required when Email:Mode is Smtp.");
            }

            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<FolderEmailSender>();
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<FolderEmailSender>());
        }

        return services;
    }
}
