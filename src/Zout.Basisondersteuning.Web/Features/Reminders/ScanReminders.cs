using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Frameworks;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Email;

namespace Zout.Basisondersteuning.Web.Features.Reminders;

/// <summary>Reminders to the users of schools whose scan is not submitted yet, before the scan window closes.</summary>
public static class ScanReminders
{
    public sealed record OpenSchool(string LocationCode, string Name, ScanStatus Status, int Recipients);

    public sealed record Model(string? YearName, DateOnly? ClosesOn, IReadOnlyList<OpenSchool> Schools);

    public sealed record Result(string? YearName, int Schools, int Mails);

    public sealed class Handler(AppDbContext db, IEmailSender emailSender, TimeProvider time, AuditLog.AuditLog auditLog, ILogger<Handler> logger)
    {
        /// <summary>The school year whose scan window is open today, if any.</summary>
        public async Task<SchoolYear?> OpenYearAsync(CancellationToken cancellationToken)
        {
            var today = time.Today();
            var years = await db.SchoolYears.AsNoTracking().Where(y => !y.IsClosed && y.ScanOpensOn != null).ToListAsync(cancellationToken);
            return years.Where(y => y.IsScanWindowOpen(today)).OrderBy(y => y.ScanClosesOn).FirstOrDefault();
        }

        public async Task<Model> GetAsync(CancellationToken cancellationToken)
        {
            var year = await OpenYearAsync(cancellationToken);
            if (year is null) return new Model(null, null, []);
            return new Model(year.Name, year.ScanClosesOn, await OpenSchoolsAsync(year, cancellationToken));
        }

        /// <summary>Sends one mail to every active user (with a password) of each active school whose scan is not submitted.</summary>
        public async Task<Result> SendAsync(CancellationToken cancellationToken)
        {
            var year = await OpenYearAsync(cancellationToken);
            if (year is null) return new Result(null, 0, 0);
            var schools = await OpenSchoolsAsync(year, cancellationToken);
            var codes = schools.Select(s => s.LocationCode).ToList();
            var recipients = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Role == UserRole.SchoolUser && u.PasswordHash != null && u.School != null && codes.Contains(u.School.LocationCode))
                .Select(u => new { u.Email, u.DisplayName, School = u.School!.Name })
                .ToListAsync(cancellationToken);
            var closes = year.ScanClosesOn is { } c ? DutchCalendar.Format(c) : "binnenkort";
            foreach (var r in recipients)
            {
                var text = $"""
                    Beste {r.DisplayName},

                    De scan basisondersteuning {year.Name} van {r.School} is nog niet ingediend.
                    De scan sluit op {closes}. Wilt u de scan voor die datum invullen en indienen?

                    U vindt de scan na het inloggen op de portal Basisondersteuning onder 'Mijn school'.
                    """;
                await emailSender.SendAsync(new EmailMessage(r.Email!, $"Herinnering: de scan {year.Name} sluit op {closes}", text), cancellationToken);
            }

            await auditLog.WriteAsync(AuditActions.Reminder, $"Herinnering scan {year.Name} gestuurd: {schools.Count} scholen, {recipients.Count} e-mails.", subject: year.Name,
                cancellationToken: cancellationToken);
            logger.LogInformation("Scan reminders for {Year}: {Schools} schools, {Mails} mails", year.Name, schools.Count, recipients.Count);
            return new Result(year.Name, schools.Count, recipients.Count);
        }

        private async Task<IReadOnlyList<OpenSchool>> OpenSchoolsAsync(SchoolYear year, CancellationToken cancellationToken) =>
            await db.Schools.AsNoTracking()
                .Where(s => s.IsActive)
                .Where(s => !db.Scans.Any(x => x.SchoolId == s.Id && x.SchoolYearId == year.Id && (x.Status == ScanStatus.Submitted || x.Status == ScanStatus.Adopted)))
                .OrderBy(s => s.Name)
                .Select(s => new OpenSchool(s.LocationCode, s.Name,
                    db.Scans.Where(x => x.SchoolId == s.Id && x.SchoolYearId == year.Id).Select(x => (ScanStatus?)x.Status).FirstOrDefault() ?? ScanStatus.NotStarted,
                    db.Users.Count(u => u.SchoolId == s.Id && u.IsActive && u.PasswordHash != null)))
                .ToListAsync(cancellationToken);
    }
}
