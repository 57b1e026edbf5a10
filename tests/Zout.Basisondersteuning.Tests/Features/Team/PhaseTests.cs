using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>The implementation phase: the first two from the data, the others set by the consultant; on the school page, its history and the dashboards.</summary>
[Collection(Portals.Team)]
public sealed class PhaseTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    [Fact]
    public async Task Phase_FollowsFromTheData_ThenTheConsultantSetsIt_AndEveryStepIsInTheHistory()
    {
        var (consultant, school, region, board) = await Data.ConsultantWithSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        async Task<string?> PhaseAsync() => (await ib.GetHtmlAsync($"/school/{school.Code}")).Text("school-phase");

        Assert.Equal("Nog niet gestart", await PhaseAsync());
        await Data.SetScanAsync(school, 2025, scan => scan.Adopted(new DateOnly(2026, 6, 20)));
        Assert.Equal("Scan ingevuld", await PhaseAsync());

        var staff = await Factory.LoggedInClientAsync(consultant);
        TeamPages.IdFrom(await staff.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-09-15",
            ["Input.Kind"] = nameof(ConversationKind.StartMeeting),
            ["Input.Summary"] = "Startbijeenkomst met het team.",
        }));
        Assert.Equal("Startbijeenkomst gehouden", await PhaseAsync());

        // The consultant sets the later phases; the earlier ones cannot be set by hand.
        var form = await staff.GetHtmlAsync($"/school/{school.Code}/fase");
        var refused = await staff.SubmitAsync(form, "form[data-testid='phase-form']", new Dictionary<string, string> { ["Input.Phase"] = nameof(ImplementationPhase.ScanCompleted) });
        Assert.Contains("eerdere fases", (await refused.HtmlAsync()).Text("error-Input_Phase"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(form, "form[data-testid='phase-form']", new Dictionary<string, string>
        {
            ["Input.Phase"] = nameof(ImplementationPhase.InDevelopment),
            ["Input.Date"] = "2026-10-01",
            ["Input.Note"] = "Ontwikkelpunten in het jaarplan.",
        })).StatusCode);
        Assert.Equal("In ontwikkeling", await PhaseAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(form, "form[data-testid='phase-form']", new Dictionary<string, string>
        {
            ["Input.Phase"] = nameof(ImplementationPhase.Implemented),
            ["Input.Date"] = "2026-11-20",
        })).StatusCode);
        Assert.Equal("Basisondersteuning ingevoerd", await PhaseAsync());

        var history = (await ib.GetHtmlAsync($"/school/{school.Code}")).TestIds("phase-step", "data-phase");
        Assert.Equal([nameof(ImplementationPhase.ScanCompleted), nameof(ImplementationPhase.StartMeetingHeld), nameof(ImplementationPhase.InDevelopment), nameof(ImplementationPhase.Implemented)], history);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == "phase" && e.Subject == school.Code)));

        // On "Mijn scholen", the board's dashboard and the partnership's (per board and region).
        Assert.Equal("Basisondersteuning ingevoerd", (await staff.GetHtmlAsync("/consulent")).Rows("mijn-scholen").Single(r => r[1] == school.Code)[6]);
        var boardUser = await Factory.LoggedInClientAsync(await Data.CreateUserAsync(u => u.BoardUser(board)));
        var boardDashboard = await boardUser.GetHtmlAsync($"/bestuur/{board.Id}/dashboard?jaar={TeamPages.Year}");
        Assert.Equal([school.Name, "Basisondersteuning ingevoerd", "20 november 2026"], Assert.Single(boardDashboard.Rows("fases")));
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var partnership = await admin.GetHtmlAsync($"/swv/dashboard?jaar={TeamPages.Year}&regio={region.Id}");
        Assert.Equal([region.Name, "0", "0", "0", "0", "1", "1"], Assert.Single(partnership.Rows("fases-regios")));
        Assert.Equal(["0", "0", "0", "0", "1", "1"], Assert.Single(partnership.Rows("fases-besturen"))[1..]);
    }
}
