using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>"Mijn scholen": the consultant's schools with what needs attention, sorted and filtered, as a download; the admin's view and the hand-over.</summary>
[Collection(Portals.Team)]
public sealed class MySchoolsTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    [Fact]
    public async Task MySchools_ShowsEveryFigurePerSchool_SortsFiltersAndDownloads()
    {
        var (consultant, busy, region, board) = await Data.ConsultantWithSchoolAsync();
        var quiet = await Data.CreateSchoolAsync(s => s.InRegion(region).InBoard(board).ContactPerson(consultant).Named($"Aaa rustige school {Guid.NewGuid():N}")
            .WithScan(2026, scan => scan.Submitted()));
        var notMine = await Data.CreateSchoolAsync(s => s.InRegion(region).InBoard(board));
        await Data.CreateDevelopmentPointAsync(busy, 2026);
        await Data.CreateDevelopmentPointAsync(busy, 2026, p => p.Status(DevelopmentPointStatus.InProgress));
        await Factory.WithDbAsync(db => db.DevelopmentPoints.Where(p => p.SchoolId == busy.Id && p.Status == DevelopmentPointStatus.InProgress)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Deadline, new DateOnly(2026, 11, 1))));

        var ib = await Factory.LoggedInClientAsync(busy.Ib);
        var form = await ib.GetHtmlAsync($"/school/{busy.Code}/vragen/nieuw");
        TeamPages.IdFrom(await ib.SubmitAsync(form, "form[data-testid='request-form']", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(SupportRequestKind.RouteCoach),
            ["Input.Subject"] = "Spreekuur graag",
            ["Input.Description"] = "Wanneer kan het?",
        }));
        var staff = await Factory.LoggedInClientAsync(consultant);
        TeamPages.IdFrom(await staff.RecordConversationAsync(busy, new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-11-16",
            ["Input.Kind"] = nameof(ConversationKind.Progress),
            ["Input.Summary"] = "Voortgang.",
            ["Input.NextDate"] = "2026-12-14",
        }));
        var signal = await staff.GetHtmlAsync("/signalen/nieuw");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(signal, "form[data-testid='signal-form']", new Dictionary<string, string>
        {
            ["Input.Theme"] = "Werkdruk IB",
            ["Input.Schools"] = busy.Code,
            ["Input.Note"] = "Veel vragen tegelijk.",
        })).StatusCode);

        var page = await staff.GetHtmlAsync("/consulent?sorteer=vragen");
        Assert.Equal("Mijn scholen", page.Text("my-schools-heading"));
        var rows = page.Rows("mijn-scholen");
        Assert.Equal([busy.Code, quiet.Code], rows.Select(r => r[1]).ToArray());
        Assert.Equal([busy.Name, busy.Code, region.Name, board.Name, "Niet begonnen", "Nog niet", "Nog niet gestart", "16 november 2026", "14 december 2026", "1 (1 nieuw)", "2 / 1", "1"], rows[0]);
        Assert.Equal("Ingediend", rows[1][4]);
        Assert.Equal("Scan ingevuld", rows[1][6]);
        Assert.DoesNotContain(rows, r => r[1] == notMine.Code);
        Assert.Equal([quiet.Code, busy.Code], (await staff.GetHtmlAsync("/consulent")).Rows("mijn-scholen").Select(r => r[1]).ToArray());

        // All schools the consultant may see, narrowed to the region: the other school too.
        var all = await staff.GetHtmlAsync($"/consulent?alle=true&regio={region.Id}");
        Assert.Equal(3, all.Rows("mijn-scholen").Count);

        var csv = await (await staff.GetAsync("/consulent?sorteer=vragen&export=csv&tabel=mijn-scholen")).Content.ReadAsStringAsync();
        var lines = csv.Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(busy.Name, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SeesAnyConsultantsPage_AndHandsSchoolsOver()
    {
        var (from, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var to = await Data.CreateUserAsync(u => u.Consultant().Named($"Nieuwe Consulent {Guid.NewGuid():N}"));
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = await admin.GetHtmlAsync($"/consulent?consultant={from.Id}");
        Assert.Equal(school.Code, Assert.Single(page.Rows("mijn-scholen"))[1]);

        var response = await admin.SubmitAsync(page, "form[data-testid='handover-form']", new Dictionary<string, string>
        {
            ["Handover.Schools"] = school.Code,
            ["Handover.To"] = to.Id,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to.Id, await Factory.WithDbAsync(db => db.Schools.Where(s => s.Id == school.Id).Select(s => s.ContactPersonId).SingleAsync()));
        Assert.Empty((await admin.GetHtmlAsync($"/consulent?consultant={from.Id}")).Rows("mijn-scholen"));
        Assert.Equal(school.Code, Assert.Single((await admin.GetHtmlAsync($"/consulent?consultant={to.Id}")).Rows("mijn-scholen"))[1]);
        Assert.Single(Factory.MailsTo(to.Email));
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "contact-person" && e.Description.Contains(school.Code))));

        // A consultant cannot hand schools over, and sees only their own page.
        var consultant = await Factory.LoggedInClientAsync(from);
        var own = await consultant.GetHtmlAsync($"/consulent?consultant={to.Id}");
        Assert.Empty(own.Rows("mijn-scholen"));
        Assert.Null(own.QuerySelector("[data-testid='handover-form']"));
        var token = await consultant.AntiforgeryTokenAsync("/consulent");
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.PostAsync("/consulent/overdragen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Handover.From"] = to.Id,
            ["Handover.To"] = from.Id,
            ["Handover.Schools"] = school.Code,
        }))).StatusCode);
    }
}
