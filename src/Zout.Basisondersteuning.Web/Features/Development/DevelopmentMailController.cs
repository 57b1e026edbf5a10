using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MimeKit;
using Zout.Basisondersteuning.Web.Infrastructure.Storage;

namespace Zout.Basisondersteuning.Web.Features.Development;

public sealed record MailRow(string File, DateTimeOffset Date, string To, string Subject, string Body);

/// <summary>In Development the app writes mails to a folder; this page lists them. Absent elsewhere.</summary>
[AllowAnonymous]
public sealed class DevelopmentMailController(IWebHostEnvironment environment, StoragePaths paths) : Controller
{
    [HttpGet("/dev/mail")]
    public async Task<IActionResult> Index()
    {
        if (!environment.IsDevelopment()) return NotFound();
        var rows = new List<MailRow>();
        if (Directory.Exists(paths.MailDirectory))
        {
            foreach (var file in Directory.GetFiles(paths.MailDirectory, "*.eml").OrderDescending().Take(50))
            {
                var message = await MimeMessage.LoadAsync(file);
                rows.Add(new MailRow(Path.GetFileName(file), message.Date, message.To.ToString(), message.Subject ?? "", message.TextBody ?? ""));
            }
        }

        return View("~/Features/Development/Index.cshtml", rows);
    }
}
