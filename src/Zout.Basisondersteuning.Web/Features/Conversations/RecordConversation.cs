using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>A consultant records a conversation with a school; the school's users hear of it (a mail or their digest).</summary>
public static class RecordConversation
{
    public sealed class Handler(AppDbContext db, AuditLog auditLog, Notifier notifier, ILogger<Handler> logger)
    {
        public async Task<Result> CreateAsync(SchoolAccess school, UserScope author, YearFramework year, ConversationValues values,
            IReadOnlyList<ConversationForm.SchoolUser> schoolUsers, CancellationToken cancellationToken)
        {
            var recipients = await notifier.SchoolUsersAsync(school.SchoolId, cancellationToken);
            var id = await db.InTransactionAsync(async ct =>
            {
                var conversation = new Conversation
                {
                    SchoolId = school.SchoolId,
                    SchoolYearId = year.Year.Id,
                    AuthorId = author.UserId,
                    AuthorName = author.DisplayName,
                    Version = 1,
                };
                ConversationWriter.Apply(conversation, values, schoolUsers);
                db.Conversations.Add(conversation);
                auditLog.Add(AuditActions.Conversation,
                    $"Gesprek ({values.Kind.ToDutch().ToLowerInvariant()}) van {DutchCalendar.Format(values.Date)} met {school.School!.Name} vastgelegd, {values.Agreements.Count} afspraken.",
                    subject: school.LocationCode);
                await db.SaveChangesAsync(ct);
                await notifier.QueueAsync(recipients, ConversationWriter.Recorded(school.LocationCode, school.School.Name, school.SchoolId, conversation.Id,
                    values.Kind, values.Date, author.DisplayName), ct);
                await db.SaveChangesAsync(ct);
                return conversation.Id;
            }, cancellationToken);
            await notifier.DeliverAsync(cancellationToken);
            logger.LogInformation("Conversation {ConversationId} recorded for school {SchoolId}", id, school.SchoolId);
            return Result.Ok(id, 1);
        }
    }
}
