using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// One conversation of one school, as stored. The school id comes from the access check on the URL's code, so a
/// conversation of another school is simply not found (404), whatever id is typed.
/// </summary>
public static class FindConversation
{
    public sealed record Stored(int Id, int SchoolYearId, string YearName, int? BoardMeetingId, string? AuthorId, string AuthorName,
        ConversationValues Values, int Version, string? UpdatedBy, DateTimeOffset UpdatedAt);

    public sealed class Handler(AppDbContext db, FrameworkStore frameworks)
    {
        public async Task<Stored?> FindAsync(int schoolId, int id, CancellationToken cancellationToken)
        {
            var row = await db.Conversations.AsNoTracking()
                .Where(c => c.Id == id && c.SchoolId == schoolId)
                .Select(c => new
                {
                    c.Id,
                    c.SchoolYearId,
                    YearName = c.SchoolYear.Name,
                    c.BoardMeetingId,
                    c.AuthorId,
                    c.AuthorName,
                    c.Date,
                    c.Kind,
                    c.NextDate,
                    c.Summary,
                    c.Version,
                    c.UpdatedBy,
                    c.UpdatedAt,
                    Participants = c.Participants.OrderBy(p => p.Id).Select(p => new { p.UserId, p.Name, p.Role }).ToList(),
                    Topics = c.Topics.OrderBy(t => t.Id).Select(t => new { t.DomainKey, t.AspectKey, t.DevelopmentPointId }).ToList(),
                    Agreements = c.Agreements.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                        .Select(a => new AgreementValue(a.Id, a.Action, a.Owner, a.Deadline, a.Status)).ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null) return null;
            var values = new ConversationValues(
                row.Date, row.Kind, row.NextDate, row.Summary,
                [.. row.Participants.Where(p => p.UserId != null).Select(p => p.UserId!).Order(StringComparer.Ordinal)],
                [.. row.Participants.Where(p => p.UserId == null).Select(p => new OtherValue(p.Name, p.Role))],
                [.. row.Topics.Where(t => t.DomainKey != null && t.AspectKey == null && t.DevelopmentPointId == null).Select(t => t.DomainKey!)],
                [.. row.Topics.Where(t => t.AspectKey != null && t.DomainKey == null && t.DevelopmentPointId == null).Select(t => t.AspectKey!)],
                [.. row.Topics.Where(t => t.DevelopmentPointId != null).Select(t => t.DevelopmentPointId!.Value).Order()],
                row.Agreements);
            return new Stored(row.Id, row.SchoolYearId, row.YearName, row.BoardMeetingId, row.AuthorId, row.AuthorName, values, row.Version, row.UpdatedBy, row.UpdatedAt);
        }

        /// <summary>The choices of the form for a school and the school year of a date: its users and its development points of that year.</summary>
        public async Task<(YearFramework? Year, IReadOnlyList<ConversationForm.SchoolUser> Users, IReadOnlyList<ConversationForm.PointOption> Points)> ChoicesAsync(
            int schoolId, DateOnly? date, DateOnly today, CancellationToken cancellationToken)
        {
            var year = await frameworks.ForYearAsync(ConversationForm.SchoolYearName(date ?? today), cancellationToken);
            var users = await db.Users.AsNoTracking()
                .Where(u => u.SchoolId == schoolId && u.Role == UserRole.SchoolUser && u.IsActive)
                .OrderByDescending(u => u.IsDirector).ThenBy(u => u.DisplayName)
                .Select(u => new ConversationForm.SchoolUser(u.Id, u.DisplayName, u.IsDirector))
                .ToListAsync(cancellationToken);
            var yearId = year?.Year.Id ?? -1;
            var points = await db.DevelopmentPoints.AsNoTracking()
                .Where(p => p.SchoolId == schoolId && p.SchoolYearId == yearId)
                .OrderBy(p => p.Title)
                .Select(p => new ConversationForm.PointOption(p.Id, p.Title))
                .ToListAsync(cancellationToken);
            return (year, users, points);
        }

        public async Task<ConversationForm.FormContext> ContextAsync(int schoolId, ConversationForm.Input input, DateOnly today, CancellationToken cancellationToken)
        {
            var (year, users, points) = await ChoicesAsync(schoolId, ConversationForm.ParseDate(input.Date), today, cancellationToken);
            return new ConversationForm.FormContext(year, users.Select(u => u.Id).ToHashSet(), points.Select(p => p.Id).ToHashSet());
        }
    }
}
