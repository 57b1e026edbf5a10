using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Documents;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// The gespreksverslag: one conversation as a document, the same Razor partial for the page and the tagged PDF
/// (<c>Features/Documents/Content/_ConversationReport.cshtml</c>). Access is decided before, by the caller.
/// </summary>
public static class ConversationReport
{
    public sealed record Participant(string Name, string? Role, bool IsSchoolUser);

    public sealed record Agreement(int Id, string Action, string? Owner, DateOnly? Deadline, AgreementStatus Status, int? DevelopmentPointId, string? DevelopmentPointTitle);

    public sealed record Response(string Text, string ByName, DateTimeOffset At, int Version);

    public sealed record Meeting(int Id, int BoardId, string BoardName, DateOnly Date, string Summary, string? Participants, string YearName);

    public sealed record Data(
        int Id,
        int SchoolId,
        string SchoolCode,
        string SchoolName,
        string BoardName,
        string YearName,
        DateOnly Date,
        ConversationKind Kind,
        string? AuthorId,
        string AuthorName,
        IReadOnlyList<Participant> Participants,
        IReadOnlyList<string> Topics,
        string Summary,
        IReadOnlyList<Agreement> Agreements,
        DateOnly? NextDate,
        Response? SchoolResponse,
        Meeting? BoardMeeting,
        int Version)
    {
        public string Title => $"Gespreksverslag {Kind.ToDutch().ToLowerInvariant()} {DutchCalendar.Format(Date)}";
        public string FileName => DocumentFileNames.For(SchoolCode, SchoolName,
            $"Gespreksverslag-{Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}-{Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", YearName);
    }

    public sealed class Loader(AppDbContext db, FrameworkStore frameworks)
    {
        public async Task<Data?> LoadAsync(int schoolId, int id, CancellationToken cancellationToken) =>
            (await LoadManyAsync(db.Conversations.Where(c => c.Id == id && c.SchoolId == schoolId), cancellationToken)).SingleOrDefault();

        /// <summary>The reports of a school in a school year, oldest first (the bulk download).</summary>
        public Task<List<Data>> ForYearAsync(int schoolId, string yearName, CancellationToken cancellationToken) =>
            LoadManyAsync(db.Conversations.Where(c => c.SchoolId == schoolId && c.SchoolYear.Name == yearName), cancellationToken);

        private async Task<List<Data>> LoadManyAsync(IQueryable<Conversation> query, CancellationToken cancellationToken)
        {
            var rows = await query.AsNoTracking()
                .OrderBy(c => c.Date).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.Id,
                    c.SchoolId,
                    c.School.LocationCode,
                    SchoolName = c.School.Name,
                    BoardName = c.School.Board.Name,
                    c.SchoolYear,
                    c.Date,
                    c.Kind,
                    c.AuthorId,
                    c.AuthorName,
                    c.Summary,
                    c.NextDate,
                    c.Version,
                    Participants = c.Participants.OrderBy(p => p.UserId == null).ThenBy(p => p.Id).Select(p => new Participant(p.Name, p.Role, p.UserId != null)).ToList(),
                    Topics = c.Topics.OrderBy(t => t.Id).Select(t => new { t.DomainKey, t.AspectKey, Point = t.DevelopmentPoint == null ? null : t.DevelopmentPoint.Title }).ToList(),
                    Agreements = c.Agreements.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                        .Select(a => new Agreement(a.Id, a.Action, a.Owner, a.Deadline, a.Status, a.DevelopmentPointId, a.DevelopmentPoint == null ? null : a.DevelopmentPoint.Title)).ToList(),
                    Response = c.Response == null ? null : new Response(c.Response.Text, c.Response.ByName, c.Response.At, c.Response.Version),
                    Meeting = c.BoardMeeting == null ? null : new Meeting(c.BoardMeeting.Id, c.BoardMeeting.BoardId, c.BoardMeeting.Board.Name, c.BoardMeeting.Date,
                        c.BoardMeeting.Summary, c.BoardMeeting.Participants, c.BoardMeeting.SchoolYear.Name),
                })
                .ToListAsync(cancellationToken);
            var result = new List<Data>();
            foreach (var row in rows)
            {
                var framework = (await frameworks.ForYearAsync(row.SchoolYear, cancellationToken))?.Definition;
                var topics = row.Topics.Select(t => t.Point is not null ? $"Ontwikkelpunt: {t.Point}"
                    : t.DomainKey is not null ? $"Domein: {framework?.DomainName(t.DomainKey) ?? t.DomainKey}"
                    : t.AspectKey is not null ? $"Aspect: {framework?.AspectName(t.AspectKey) ?? t.AspectKey}"
                    : null).OfType<string>().ToList();
                result.Add(new Data(row.Id, row.SchoolId, row.LocationCode, row.SchoolName, row.BoardName, row.SchoolYear.Name, row.Date, row.Kind, row.AuthorId, row.AuthorName,
                    row.Participants, topics, row.Summary, row.Agreements, row.NextDate, row.Response, row.Meeting, row.Version));
            }

            return result;
        }
    }
}
