using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Email;
using Zout.Basisondersteuning.Web.Infrastructure.RateLimiting;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Reminders;

/// <summary>
/// Reminders to the users of schools whose scan is not submitted or adopted yet. The one place for who gets a
/// reminder and what it says, whether the admin sends it, the partnership dashboard (for its filter) or the
/// daily job before the scan window closes.
/// </summary>
public static class ScanReminders
{
    public sealed record OpenSchool(string LocationCode, string Name, ScanStatus Status, int Recipients);

    public sealed record Model(string? YearName, DateOnly? ClosesOn, IReadOnlyList<OpenSchool> Schools);

    /// <summary>
    /// What a reminder round sent: the year, how many schools had not submitted, how many mails went out, and how many
    /// schools were skipped because they had a reminder today already.
    /// </summary>
    public sealed record Sent(string YearName, int Schools, int Mails, int SkippedToday = 0);

    public sealed class Handler(AppDbContext db, IEmailSender emailSender, TimeProvider time, AuditLog auditLog, PublicUrls urls,
        SharedRateLimiter limiter, RateLimitRules rules, ILogger<Handler> logger)
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
            return new Model(year.Name, year.ScanClosesOn, await OpenSchoolsAsync(year, db.Schools, cancellationToken));
        }

        /// <summary>Reminds every open school of the year whose scan window is open today; refused when no window is open.</summary>
        public async Task<Result<Sent>> SendAsync(bool byHand, CancellationToken cancellationToken)
        {
            var year = await OpenYearAsync(cancellationToken);
            return year is null
                ? Result.Refused("Er is geen schooljaar met een open scanperiode; er is niets verstuurd.").As<Sent>()
                : await SendAsync(year, db.Schools, byHand, cancellationToken);
        }

        /// <summary>
        /// Sends one mail to every active user (with a password) of each active school in <paramref name="scope"/> whose
        /// scan of <paramref name="year"/> is not submitted or adopted; the mail links the scan. Sent <paramref name="byHand"/>
        /// (the admin's or the dashboard's button), a school gets at most one reminder a day (Reminders:PerSchoolPerDay),
        /// however often and by whom the button is pressed, over all app instances; the daily job runs once a day anyway.
        /// </summary>
        public async Task<Result<Sent>> SendAsync(SchoolYear year, IQueryable<School> scope, bool byHand, CancellationToken cancellationToken)
        {
            var open = await OpenSchoolsAsync(year, scope, cancellationToken);
            var schools = new List<OpenSchool>();
            foreach (var school in open)
            {
                // A school without users gets no mail, so it uses up nothing.
                if (!byHand || school.Recipients == 0 || await limiter.TryAcquireAsync(rules.RemindersPerSchool, $"{year.Name}:{school.LocationCode}", cancellationToken))
                {
                    schools.Add(school);
                }
            }

            var skipped = open.Count - schools.Count;
            var codes = schools.Select(s => s.LocationCode).ToList();
            var recipients = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Role == UserRole.SchoolUser && u.PasswordHash != null && u.Email != null && u.School != null && codes.Contains(u.School.LocationCode))
                .Select(u => new { u.Email, u.DisplayName, School = u.School!.Name, Code = u.School.LocationCode })
                .ToListAsync(cancellationToken);
            var closes = year.ScanClosesOn is { } c ? DutchCalendar.Format(c) : null;
            foreach (var r in recipients)
            {
                var where = $"U vindt de scan hier (na het inloggen): {urls.Link($"/school/{r.Code}/scan/{year.Name}")}";
                var text = $"""
                    Beste {r.DisplayName},

                    De scan basisondersteuning {year.Name} van {r.School} is nog niet ingediend.
                    {(closes is null ? "Wilt u de scan invullen en indienen?" : $"De scan sluit op {closes}. Wilt u de scan voor die datum invullen en indienen?")}

                    {where}

                    Met vriendelijke groet,
                    Het samenwerkingsverband
                    """;
                var subject = closes is null ? $"Herinnering: de scan {year.Name}" : $"Herinnering: de scan {year.Name} sluit op {closes}";
                await emailSender.SendAsync(new EmailMessage(r.Email!, subject, text), cancellationToken);
            }

            var skippedText = skipped > 0 ? $" {skipped} scholen overgeslagen: zij kregen vandaag al een herinnering." : "";
            await auditLog.WriteAsync(AuditActions.Reminder, $"Herinnering scan {year.Name} gestuurd: {schools.Count} scholen, {recipients.Count} e-mails.{skippedText}", subject: year.Name,
                cancellationToken: cancellationToken);
            logger.LogInformation("Scan reminders for {Year}: {Schools} schools, {Mails} mails, {Skipped} skipped (reminded today)", year.Name, schools.Count, recipients.Count, skipped);
            return Result.Ok().With(new Sent(year.Name, schools.Count, recipients.Count, skipped));
        }

        private async Task<IReadOnlyList<OpenSchool>> OpenSchoolsAsync(SchoolYear year, IQueryable<School> scope, CancellationToken cancellationToken) =>
            await scope.AsNoTracking()
                .Where(s => s.IsActive)
                .Where(s => !db.Scans.Any(x => x.SchoolId == s.Id && x.SchoolYearId == year.Id && (x.Status == ScanStatus.Submitted || x.Status == ScanStatus.Adopted)))
                .OrderBy(s => s.Name)
                .Select(s => new OpenSchool(s.LocationCode, s.Name,
                    db.Scans.Where(x => x.SchoolId == s.Id && x.SchoolYearId == year.Id).Select(x => (ScanStatus?)x.Status).FirstOrDefault() ?? ScanStatus.NotStarted,
                    db.Users.Count(u => u.SchoolId == s.Id && u.IsActive && u.PasswordHash != null && u.Role == UserRole.SchoolUser)))
                .ToListAsync(cancellationToken);
    }
}
