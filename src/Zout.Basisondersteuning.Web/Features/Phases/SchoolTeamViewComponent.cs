using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Connections;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Phases;

/// <summary>
/// Team Basisondersteuning on the internal school page: the implementation phase and its history, the latest
/// conversations, open requests, "leren van elkaar" (connections) and invitations to joint training, with the links
/// each user may follow. <c>@await Component.InvokeAsync("SchoolTeam", new { school = Context.School() })</c>.
/// </summary>
public sealed class SchoolTeamViewComponent(AppDbContext db, PhaseQueries phases, ConnectionDetails.Handler connections, TimeProvider time) : ViewComponent
{
    public const string ViewPath = "~/Features/Phases/Components/SchoolTeam.cshtml";

    public sealed record Conversation(int Id, DateOnly Date, ConversationKind Kind, int OpenAgreements);

    public sealed record Model(
        string Code,
        string Name,
        PhaseState Phase,
        IReadOnlyList<PhaseHistoryStep> History,
        IReadOnlyList<Conversation> Conversations,
        DateOnly? NextConversation,
        int OpenRequests,
        IReadOnlyList<ConnectionDetails.Line> Connections,
        int OpenInvitations,
        bool CanConsult,
        bool CanAsk);

    public async Task<IViewComponentResult> InvokeAsync(SchoolAccess school)
    {
        if (!school.Can(SchoolPermission.ViewInternal)) return Content(string.Empty);
        var id = school.SchoolId;
        var cancellation = HttpContext.RequestAborted;
        var state = (await phases.ForSchoolsAsync(db.Schools.Where(s => s.Id == id), cancellation)).GetValueOrDefault(id) ?? new PhaseState(ImplementationPhase.None, null);
        var today = Infrastructure.DutchTime.Today(time);
        var talks = await db.Conversations.AsNoTracking().Where(c => c.SchoolId == id).OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Take(3)
            .Select(c => new Conversation(c.Id, c.Date, c.Kind, c.Agreements.Count(a => a.Status != AgreementStatus.Done)))
            .ToListAsync(cancellation);
        var next = await db.Conversations.AsNoTracking().Where(c => c.SchoolId == id && c.NextDate >= today).MinAsync(c => c.NextDate, cancellation);
        var requests = await db.SupportRequests.CountAsync(r => r.SchoolId == id && r.Status != SupportRequestStatus.Done, cancellation);
        var invitations = await db.JointTrainingInvitations.CountAsync(i => i.SchoolId == id && i.Interested == null && i.JointTraining.FirstDate >= today, cancellation);
        return View(ViewPath, new Model(school.LocationCode, school.School!.Name, state, await phases.HistoryAsync(id, cancellation), talks, next, requests,
            await connections.ForSchoolAsync(id, cancellation), invitations, school.Can(SchoolPermission.Consult), school.Can(SchoolPermission.Edit)));
    }
}
