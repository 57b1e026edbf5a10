using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Conversations;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.BoardMeetings;

/// <summary>
/// Records a board's startbijeenkomst: the meeting, and for each school that took part a conversation of kind
/// startbijeenkomst with its notes and agreements (each school reads its own part; it counts for the school's phase).
/// </summary>
public static class RecordBoardMeeting
{
    public sealed class Handler(AppDbContext db, AccessPolicy policy, AuditLog auditLog, Notifier notifier)
    {
        /// <summary>The board's active schools the user may see: the schools the form offers.</summary>
        public async Task<List<BoardMeetingForm.SchoolOption>> SchoolsAsync(int boardId, CancellationToken cancellationToken) =>
            await (await policy.InternalSchoolsAsync(cancellationToken)).AsNoTracking()
                .Where(s => s.BoardId == boardId && s.IsActive)
                .OrderBy(s => s.Name)
                .Select(s => new BoardMeetingForm.SchoolOption(s.Id, s.LocationCode, s.Name))
                .ToListAsync(cancellationToken);

        public async Task<Result> CreateAsync(BoardRef board, UserScope author, YearFramework year, BoardMeetingForm.Input input, CancellationToken cancellationToken)
        {
            var schools = await SchoolsAsync(board.Id, cancellationToken);
            var parts = input.Schools.Where(p => p.Included)
                .Select(p => (Part: p, School: schools.FirstOrDefault(s => s.Code == p.Code)))
                .ToList();
            if (parts.Any(p => p.School is null)) return Result.Invalid(nameof(BoardMeetingForm.Input.Schools), "Kies scholen van dit bestuur die u mag zien.");

            var date = ConversationForm.ParseDate(input.Date)!.Value;
            var recipients = new Dictionary<int, List<string>>();
            foreach (var (_, school) in parts) recipients[school!.Id] = await notifier.SchoolUsersAsync(school.Id, cancellationToken);

            var id = await db.InTransactionAsync(async ct =>
            {
                var meeting = new BoardMeeting
                {
                    BoardId = board.Id,
                    SchoolYearId = year.Year.Id,
                    Date = date,
                    Summary = DevelopmentPointForm.CleanText(input.Summary)!,
                    Participants = DevelopmentPointForm.CleanText(input.Participants),
                    AuthorId = author.UserId,
                    AuthorName = author.DisplayName,
                };
                foreach (var (part, school) in parts)
                {
                    var agreements = ConversationForm.AgreementValues(part.Agreements);
                    var conversation = new Conversation
                    {
                        SchoolId = school!.Id,
                        SchoolYearId = year.Year.Id,
                        Date = date,
                        Kind = ConversationKind.StartMeeting,
                        Summary = DevelopmentPointForm.CleanText(part.Notes) ?? "Zie het algemene verslag van de startbijeenkomst.",
                        AuthorId = author.UserId,
                        AuthorName = author.DisplayName,
                        Version = 1,
                    };
                    for (var i = 0; i < agreements.Count; i++)
                    {
                        var a = agreements[i];
                        conversation.Agreements.Add(new ConversationAgreement { SortOrder = i, Action = a.Action, Owner = a.Owner, Deadline = a.Deadline, Status = a.Status });
                    }

                    meeting.Conversations.Add(conversation);
                }

                db.BoardMeetings.Add(meeting);
                auditLog.Add(AuditActions.Conversation, $"Startbijeenkomst van {board.Name} op {DutchCalendar.Format(date)} vastgelegd met {parts.Count} scholen.", subject: board.Name);
                await db.SaveChangesAsync(ct);
                foreach (var conversation in meeting.Conversations)
                {
                    var school = schools.Single(s => s.Id == conversation.SchoolId);
                    await notifier.QueueAsync(recipients[school.Id], ConversationWriter.Recorded(school.Code, school.Name, school.Id, conversation.Id,
                        ConversationKind.StartMeeting, date, author.DisplayName), ct);
                }

                await db.SaveChangesAsync(ct);
                return meeting.Id;
            }, cancellationToken);
            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(id);
        }
    }
}
