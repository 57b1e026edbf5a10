using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// One click turns an agreement of a conversation into a development point of the school, in the conversation's
/// school year. The link is kept both ways: the agreement names the point, the point's list names the conversation.
/// Domain and aspect come from what the conversation discussed (a development point discussed, or one domain and one
/// aspect); otherwise the first of the framework, for the school to adjust.
/// </summary>
public static class AgreementToDevelopmentPoint
{
    public sealed class Handler(AppDbContext db, FrameworkStore frameworks, AuditLog auditLog, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(int schoolId, string schoolCode, int conversationId, int agreementId, CancellationToken cancellationToken)
        {
            var agreement = await db.ConversationAgreements
                .Include(a => a.Conversation).ThenInclude(c => c.SchoolYear)
                .Include(a => a.Conversation).ThenInclude(c => c.Topics).ThenInclude(t => t.DevelopmentPoint)
                .SingleOrDefaultAsync(a => a.Id == agreementId && a.ConversationId == conversationId && a.Conversation.SchoolId == schoolId, cancellationToken);
            if (agreement is null) return Result.NotFound();
            if (agreement.DevelopmentPointId is not null) return Result.Refused("Van deze afspraak is al een ontwikkelpunt gemaakt.");
            var conversation = agreement.Conversation;
            if (conversation.SchoolYear.IsClosed) return Result.Refused($"Schooljaar {conversation.SchoolYear.Name} is afgesloten: er kunnen geen ontwikkelpunten meer bij.");
            var framework = (await frameworks.ForYearAsync(conversation.SchoolYear, cancellationToken))?.Definition;
            if (framework is null || framework.Domains.Count == 0 || framework.Aspects.Count == 0) return Result.Refused("Het kader van dit schooljaar heeft geen domeinen en aspecten.");

            var (domainKey, aspectKey) = Cell(framework, conversation);
            var title = agreement.Action.ReplaceLineEndings(" ");
            var point = new DevelopmentPoint
            {
                SchoolId = schoolId,
                SchoolYearId = conversation.SchoolYearId,
                DomainKey = domainKey,
                AspectKey = aspectKey,
                Title = title.Length <= Data.Configurations.DevelopmentPointConfiguration.TitleMaxLength ? title : title[..(Data.Configurations.DevelopmentPointConfiguration.TitleMaxLength - 1)] + "…",
                Actions = $"Afspraak uit het gesprek ({conversation.Kind.ToDutch().ToLowerInvariant()}) van {Infrastructure.DutchCalendar.Format(conversation.Date)}: {agreement.Action}",
                Owner = agreement.Owner,
                Deadline = agreement.Deadline,
                Status = agreement.Status switch
                {
                    AgreementStatus.Done => DevelopmentPointStatus.Done,
                    AgreementStatus.InProgress => DevelopmentPointStatus.InProgress,
                    _ => DevelopmentPointStatus.Planned,
                },
                Version = 1,
            };
            agreement.DevelopmentPoint = point;
            // The conversation changed (its agreement now names the point): an editor with an older version gets a conflict.
            conversation.Version++;
            auditLog.Add(AuditActions.Conversation, $"Afspraak uit het gesprek van {Infrastructure.DutchCalendar.Format(conversation.Date)} ({schoolCode}) is ontwikkelpunt '{point.Title}' geworden.", subject: schoolCode);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Result.Conflict("Het gespreksverslag is net gewijzigd. Bekijk het opnieuw en probeer het nog eens.");
            }

            logger.LogInformation("Agreement {AgreementId} became development point {PointId}", agreementId, point.Id);
            return Result.Ok(point.Id);
        }

        /// <summary>The cell the conversation was about, if it names one; else the framework's first.</summary>
        private static (string Domain, string Aspect) Cell(FrameworkDefinition framework, Conversation conversation)
        {
            var point = conversation.Topics.Select(t => t.DevelopmentPoint).FirstOrDefault(p => p is not null);
            if (point is not null && framework.Domains.ByKey(point.DomainKey) is not null && framework.Aspects.ByKey(point.AspectKey) is not null)
                return (point.DomainKey, point.AspectKey);
            var domain = conversation.Topics.Select(t => framework.Domains.ByKey(t.DomainKey)).FirstOrDefault(d => d is not null) ?? framework.Domains[0];
            var aspect = conversation.Topics.Select(t => framework.Aspects.ByKey(t.AspectKey)).FirstOrDefault(a => a is not null) ?? framework.Aspects[0];
            return (domain.Key, aspect.Key);
        }
    }
}
