using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>Puts a conversation's values on the entity (new or tracked), the one place that knows how they are stored.</summary>
public static class ConversationWriter
{
    public static void Apply(Conversation conversation, ConversationValues values, IReadOnlyList<ConversationForm.SchoolUser> schoolUsers)
    {
        conversation.Date = values.Date;
        conversation.Kind = values.Kind;
        conversation.NextDate = values.NextDate;
        conversation.Summary = values.Summary;

        conversation.Participants.Clear();
        foreach (var userId in values.ParticipantUserIds)
        {
            var user = schoolUsers.FirstOrDefault(u => u.Id == userId);
            if (user is null) continue;
            conversation.Participants.Add(new ConversationParticipant { UserId = user.Id, Name = user.Name, Role = user.IsDirector ? "Directeur" : "Medewerker van de school" });
        }

        foreach (var other in values.Others) conversation.Participants.Add(new ConversationParticipant { Name = other.Name, Role = other.Role });

        conversation.Topics.Clear();
        foreach (var domain in values.Domains) conversation.Topics.Add(new ConversationTopic { DomainKey = domain });
        foreach (var aspect in values.Aspects) conversation.Topics.Add(new ConversationTopic { AspectKey = aspect });
        foreach (var point in values.Points) conversation.Topics.Add(new ConversationTopic { DevelopmentPointId = point });

        // Agreements keep their identity (and their link to a development point) by id; new rows are added, dropped rows removed.
        var kept = values.Agreements.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToHashSet();
        conversation.Agreements.RemoveAll(a => a.Id != 0 && !kept.Contains(a.Id));
        for (var i = 0; i < values.Agreements.Count; i++)
        {
            var value = values.Agreements[i];
            var agreement = value.Id is { } id ? conversation.Agreements.FirstOrDefault(a => a.Id == id) : null;
            if (agreement is null)
            {
                agreement = new ConversationAgreement();
                conversation.Agreements.Add(agreement);
            }

            agreement.SortOrder = i;
            agreement.Action = value.Action;
            agreement.Owner = value.Owner;
            agreement.Deadline = value.Deadline;
            agreement.Status = value.Status;
        }
    }

    /// <summary>What the school's users hear when a conversation is recorded: the kind, date and author, never the content.</summary>
    public static NotificationMessage Recorded(string schoolCode, string schoolName, int schoolId, int conversationId, ConversationKind kind, DateOnly date, string author) =>
        new($"Gespreksverslag {kind.ToDutch().ToLowerInvariant()} {DutchCalendar.Format(date)}: {schoolName}",
            $"{author} van Team Basisondersteuning heeft het verslag vastgelegd van het gesprek ({kind.ToDutch().ToLowerInvariant()}) van {DutchCalendar.Format(date)} met {schoolName}.",
            $"/school/{schoolCode}/gesprekken/{conversationId}", schoolId);
}
