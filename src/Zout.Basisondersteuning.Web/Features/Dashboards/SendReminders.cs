using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Email;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>Emails the school users of every school in the filter whose scan is not submitted or adopted yet.</summary>
public static class SendReminders
{
    public sealed record Result(int Schools, int Messages);

    public sealed class Handler(AccessPolicy policy, DashboardData data, AppDbContext db, IEmailSender email, PublicUrls urls, IHttpContextAccessor http)
    {
        public async Task<Result?> HandleAsync(PartnershipDashboard.Filter filter, CancellationToken cancellationToken)
        {
            var years = await data.YearsAsync(cancellationToken);
            var year = data.Resolve(years, filter.Jaar);
            if (year is null) return null;
            var scope = await PartnershipDashboard.ScopeAsync(policy, filter, cancellationToken);
            var schools = await data.SchoolsAsync(scope.Where(s => s.IsActive), cancellationToken);
            var current = (await data.SummariesAsync(cancellationToken)).ForYear(year.Id);
            var open = schools.Where(s => current.GetValueOrDefault(s.Id) is not { IsFinal: true }).ToDictionary(s => s.Id);
            var openIds = open.Keys.ToList();
            var recipients = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Role == UserRole.SchoolUser && u.SchoolId != null && openIds.Contains(u.SchoolId.Value) && u.Email != null)
                .Select(u => new { u.Email, u.DisplayName, SchoolId = u.SchoolId!.Value })
                .ToListAsync(cancellationToken);
            foreach (var recipient in recipients)
            {
                var school = open[recipient.SchoolId];
                var link = $"{urls.BaseUrl(http.HttpContext!.Request)}/school/{school.Code}/scan/{year.Name}";
                var deadline = year.ScanClosesOn is { } closes ? $" De scan sluit op {closes.ToString("d MMMM yyyy", PortalSetup.Dutch)}." : "";
                var body = $"Beste {recipient.DisplayName},\n\nDe scan basisondersteuning {year.Name} van {school.Name} is nog niet ingediend of vastgesteld.{deadline}\n\nU vindt de scan hier: {link}\n\nMet vriendelijke groet,\nHet samenwerkingsverband";
                await email.SendAsync(new EmailMessage(recipient.Email!, $"Herinnering: scan basisondersteuning {year.Name}", body), cancellationToken);
            }

            return new Result(open.Count, recipients.Count);
        }
    }
}
