using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// The author (or an admin) changes a conversation report. A save only succeeds against the version the user started
/// from; otherwise the user chooses per field (<see cref="ResolveConversationConflict"/>), as with the scan.
/// </summary>
public static class EditConversation
{
    public sealed class Handler(AppDbContext db, FindConversation.Handler find, AuditLog auditLog, ILogger<Handler> logger)
    {
        /// <summary>Saved, not found, or a conflict whose value is what is stored now.</summary>
        public async Task<Result<FindConversation.Stored>> SaveAsync(int schoolId, string schoolCode, int id, int schoolYearId, ConversationValues values, int version,
            IReadOnlyList<ConversationForm.SchoolUser> schoolUsers, CancellationToken cancellationToken)
        {
            var conversation = await db.Conversations
                .Include(c => c.Participants).Include(c => c.Topics).Include(c => c.Agreements)
                .SingleOrDefaultAsync(c => c.Id == id && c.SchoolId == schoolId, cancellationToken);
            if (conversation is null) return Result.NotFound().As<FindConversation.Stored>();

            // The version the user started from becomes the original value: the UPDATE's WHERE clause decides.
            db.Entry(conversation).Property(c => c.Version).OriginalValue = version;
            conversation.Version = version + 1;
            conversation.SchoolYearId = schoolYearId;
            ConversationWriter.Apply(conversation, values, schoolUsers);
            auditLog.Add(AuditActions.Conversation, $"Gesprek van {DutchCalendar.Format(values.Date)} ({schoolCode}) gewijzigd.", subject: schoolCode);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await find.FindAsync(schoolId, id, cancellationToken);
                logger.LogInformation("Conversation {ConversationId}: save on version {Version} refused, stored version is {StoredVersion}", id, version, current?.Version);
                return current is null
                    ? Result.NotFound().As<FindConversation.Stored>()
                    : Result.Conflict("Iemand anders heeft dit gespreksverslag intussen opgeslagen.").With(current);
            }

            return Result.Ok(id, conversation.Version).As<FindConversation.Stored>();
        }
    }
}
