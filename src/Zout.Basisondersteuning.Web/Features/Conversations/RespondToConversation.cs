using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>The school adds (or changes) its short response to a conversation report; the author hears of it.</summary>
public static class RespondToConversation
{
    public sealed class Input
    {
        public string? Text { get; set; }

        /// <summary>The version of the response the user started from; 0 when there was none.</summary>
        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf uw reactie.")
                .Must(t => DevelopmentPointForm.CleanText(t)!.Length <= ConversationResponse.TextMaxLength)
                .WithMessage($"Een reactie mag hoogstens {ConversationResponse.TextMaxLength} tekens lang zijn.")
                .NoPupilData(time);
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog, Notifier notifier, TimeProvider time)
    {
        public async Task<Result> SaveAsync(int schoolId, string schoolCode, int conversationId, string byName, Input input, CancellationToken cancellationToken)
        {
            var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId && c.SchoolId == schoolId)
                .Select(c => new { c.Id, c.AuthorId, c.Date, SchoolName = c.School.Name }).SingleOrDefaultAsync(cancellationToken);
            if (conversation is null) return Result.NotFound();

            var response = await db.ConversationResponses.SingleOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
            if ((response?.Version ?? 0) != input.Version) return Result.Conflict("Iemand anders van de school heeft intussen een reactie opgeslagen. Lees die en pas hem zo nodig aan.");
            if (response is null)
            {
                response = new ConversationResponse { ConversationId = conversationId, Version = 0 };
                db.ConversationResponses.Add(response);
            }
            else
            {
                db.Entry(response).Property(r => r.Version).OriginalValue = input.Version;
            }

            response.Text = DevelopmentPointForm.CleanText(input.Text)!;
            response.ByName = byName;
            response.At = time.GetUtcNow();
            response.Version = input.Version + 1;
            auditLog.Add(AuditActions.Conversation, $"Reactie van de school op het gesprek van {DutchCalendar.Format(conversation.Date)} ({schoolCode}).", subject: schoolCode);
            await notifier.QueueAsync([conversation.AuthorId], new NotificationMessage(
                $"Reactie op uw gespreksverslag: {conversation.SchoolName}",
                $"{conversation.SchoolName} heeft gereageerd op het verslag van het gesprek van {DutchCalendar.Format(conversation.Date)}.",
                $"/school/{schoolCode}/gesprekken/{conversationId}", schoolId), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A response saved at the same moment (the key or the version): nothing is overwritten.
                db.ChangeTracker.Clear();
                return Result.Conflict("Iemand anders van de school heeft intussen een reactie opgeslagen. Lees die en pas hem zo nodig aan.");
            }

            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(conversationId, response.Version);
        }
    }
}
