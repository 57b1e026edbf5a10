using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>The gespreksverslag as a tagged PDF, in the school's documents list and in the bulk ZIP. On the documents portal, which has Chromium running.</summary>
[Collection(Portals.Documents)]
public sealed class ConversationDocumentTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    [Fact]
    public async Task ConversationReport_IsATaggedPdf_InTheDocumentsList_AndInTheBulkZip()
    {
        var (consultant, school, _, board) = await Data.ConsultantWithSchoolAsync();
        var staff = await Factory.LoggedInClientAsync(consultant);
        var id = TeamPages.IdFrom(await staff.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-11-12",
            ["Input.Kind"] = nameof(ConversationKind.Progress),
            ["Input.Summary"] = "De leesaanpak wordt geborgd in de kwaliteitskalender.",
            ["Input.Agreements[0].Action"] = "Borgingskalender opstellen",
            ["Input.Agreements[0].Owner"] = "Directeur",
        }));

        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var pdf = Pdfs.Read(await Pdfs.GetPdfAsync(ib, $"/school/{school.Code}/gesprekken/{id}.pdf"));
        Assert.True(pdf.IsTagged);
        Assert.Contains("Gespreksverslag", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("leesaanpak wordt geborgd", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Borgingskalender opstellen", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Afspraken", pdf.Bookmarks);

        var documents = await ib.GetHtmlAsync($"/school/{school.Code}/documenten?jaar={TestData.ThisYear}");
        Assert.Equal($"/school/{school.Code}/gesprekken/{id}.pdf", documents.QuerySelector("[data-testid='conversation-report-pdf']")?.GetAttribute("href"));

        var boardUser = await Factory.LoggedInClientAsync(await Data.CreateUserAsync(u => u.BoardUser(board)));
        var token = await boardUser.AntiforgeryTokenAsync("/documenten/bulk");
        using var zip = await Factory.BulkZipAsync(boardUser, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Jaar"] = TestData.ThisYear,
            ["Input.Document"] = "gespreksverslagen",
            ["Input.Scholen"] = school.Code,
        });
        var entry = Assert.Single(zip.Entries);
        Assert.StartsWith($"{school.Code}-", entry.Name, StringComparison.Ordinal);
        Assert.Contains($"Gespreksverslag-2026-11-12-{id}", entry.Name, StringComparison.Ordinal);
    }
}
