using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Documents;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;
using static Zout.Basisondersteuning.Tests.Infrastructure.Pdfs;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>The SOP: drafts, adoption publishing a fixed version, the stable public links. Needs Chromium.</summary>
[Collection(Portals.Documents)]
public sealed class SupportProfileTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private Task<TestSchool> CompleteSchoolAsync() => ScanForms.CompleteSchoolAsync(Factory, World.BoardA);

    private Task<TestSchool> AdoptedSchoolAsync() => ScanForms.AdoptedSchoolAsync(Factory, World.BoardA);

    [Fact]
    public async Task Adoption_PublishesTaggedSop_WithSectionsAndTickedOffering_AndNoHiddenScoresFinancesOrDevelopmentPoints()
    {
        var school = await CompleteSchoolAsync();
        await Data.CreateDevelopmentPointAsync(school, 2026, p => p.For("taal-lezen", "aanbod").Titled("Intern ontwikkelpunt leesmethode"));
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        await SubmitAsync(Factory, ib, school);
        var director = await Factory.LoggedInClientAsync(school.Director);
        var adopted = await AdoptAsync(Factory, director, school);
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);

        var anonymous = Factory.CreatePortalClient();
        var pdf = Read(await GetPdfAsync(anonymous, $"/sop/{school.Code}.pdf"));
        var text = pdf.Text;
        Assert.Contains("Testschool", text);
        Assert.Contains(school.Code, text);
        foreach (var section in new[] { "Algemene gegevens", "Onze visie op ondersteuning", "De basisondersteuning in ons samenwerkingsverband", "Expertise in ons team",
                     "Voorzieningen in het gebouw", "Extra ondersteuning via het samenwerkingsverband", "Grenzen aan onze ondersteuning", "Onze ambities", "Vaststelling" })
        {
            Assert.Contains(section, text);
            Assert.Contains(section, pdf.Bookmarks);
        }

        Assert.Contains("Dyslexiespecialist (2 dagdelen)", text);
        Assert.Contains("Lift", text);
        Assert.DoesNotContain("Gedragsspecialist", text);
        Assert.Contains("Elk kind hoort erbij.", text);
        Assert.Contains("Geen intensieve medische zorg.", text);
        // Agreement 1 is "ter kennisgeving": its self-score (2, in ontwikkeling) never shows; agreement 2 shows its score.
        Assert.Contains("(ter kennisgeving)", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Zo staan wij ervoor"));
        Assert.Contains("Zo staan wij ervoor: sterk en geborgd", text);
        Assert.DoesNotContain("in ontwikkeling", text, StringComparison.OrdinalIgnoreCase);
        // No finances, no development points.
        foreach (var hidden in new[] { "12.000", "12000", "3.500", "3500", "Financiën", "Meer leerlingen bleven op school", "Intern ontwikkelpunt" })
        {
            Assert.DoesNotContain(hidden, text);
        }

        Assert.DoesNotContain("CONCEPT", text);
        Assert.Contains("22 november 2026", text);
        Assert.Contains("pagina 1 van", text);

        // Tagged, with bookmarks, A4 portrait.
        Assert.True(pdf.IsTagged, "The catalog has /MarkInfo << /Marked true >>");
        Assert.True(pdf.HasStructTree, "The catalog has a /StructTreeRoot");
        Assert.InRange(pdf.FirstPageWidth, 590, 600);
        Assert.InRange(pdf.FirstPageHeight, 838, 845);

        // The same version as a page and under its school year; stored with its SHA-256.
        var page = await anonymous.GetHtmlAsync($"/sop/{school.Code}");
        Assert.Contains("Testschool", page.QuerySelector("[data-testid='document-title']")?.TextContent);
        Assert.Contains("Dyslexiespecialist", page.QuerySelector("[data-testid='document']")?.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='draft-mark']"));
        var byYear = await GetPdfAsync(anonymous, $"/sop/{school.Code.ToLowerInvariant()}/2026-2027.pdf");
        var stored = await Factory.WithDbAsync(db => db.PublishedDocuments.AsNoTracking().SingleAsync(d => d.SchoolId == school.Id && d.Kind == PublishedDocumentKind.SupportProfile));
        Assert.Equal(stored.Pdf, byYear);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(byYear)), stored.Sha256);
        Assert.Equal(1, stored.Version);

        // The version history on the school's documents page.
        var documents = await ib.GetHtmlAsync($"/school/{school.Code}/documenten?jaar=2026-2027");
        Assert.Equal(2, documents.QuerySelectorAll("[data-testid='version-row']").Length);
        Assert.Null(documents.QuerySelector("[data-testid='publish-pending']"));

        // The public list finds the school by its published offering.
        var withDyslexia = await anonymous.GetHtmlAsync("/scholen?aanbod=dyslexiespecialist");
        Assert.Contains(school.Code, withDyslexia.TestIds("school-row", "data-code"));
        var withBehaviour = await anonymous.GetHtmlAsync("/scholen?aanbod=gedragsspecialist");
        Assert.DoesNotContain(school.Code, withBehaviour.TestIds("school-row", "data-code"));

        // The Ouderrapport is public with it, in at most two pages.
        var parent = Read(await GetPdfAsync(anonymous, $"/sop/{school.Code}/ouderrapport.pdf"));
        Assert.InRange(parent.Pages.Count, 1, 2);
        Assert.Contains("Dyslexiespecialist", parent.Text);
    }

    [Fact]
    public async Task PublishedPdf_StaysByteForByteTheSame_AfterAnswersChange_AndReadoptionAddsAVersion()
    {
        var school = await AdoptedSchoolAsync();
        var anonymous = Factory.CreatePortalClient();
        var first = await GetPdfAsync(anonymous, $"/sop/{school.Code}.pdf");

        // The directeur reopens; the IB-er ticks another specialist.
        var director = await Factory.LoggedInClientAsync(school.Director);
        var version = await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Version).SingleAsync());
        var reopened = await director.PostFormAsync(school.Scan() + "/heropenen", school.Scan() + "/heropenen",
            new Dictionary<string, string> { ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture), ["Input.Reason"] = "Nieuwe gedragsspecialist" });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(ib, school.Section("aanbod"), new Dictionary<string, ItemValues>
        {
            ["o:dyslexiespecialist"] = new(Checked: true, Number: "2"),
            ["o:lift"] = new(Checked: true),
            ["o:gedragsspecialist"] = new(Checked: true, Number: "1"),
        });

        var afterChange = await GetPdfAsync(anonymous, $"/sop/{school.Code}.pdf");
        Assert.Equal(first, afterChange);
        Assert.DoesNotContain("Gedragsspecialist", Read(afterChange).Text);

        // The draft shows the change, marked CONCEPT.
        var draft = Read(await GetPdfAsync(ib, $"/school/{school.Code}/documenten/2026-2027/sop.pdf"));
        Assert.Contains("Gedragsspecialist", draft.Text);

        // Adopting again publishes version 2; version 1 stays as it was.
        await SubmitAsync(Factory, ib, school);
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(Factory, director, school)).StatusCode);
        var latest = Read(await GetPdfAsync(anonymous, $"/sop/{school.Code}.pdf"));
        Assert.Contains("Gedragsspecialist", latest.Text);
        var versions = await Factory.WithDbAsync(db => db.PublishedDocuments.AsNoTracking()
            .Where(d => d.SchoolId == school.Id && d.Kind == PublishedDocumentKind.SupportProfile).OrderBy(d => d.Version).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(first, versions[0].Pdf);
        var history = await ib.GetHtmlAsync($"/school/{school.Code}/documenten?jaar=2026-2027");
        Assert.Equal(4, history.QuerySelectorAll("[data-testid='version-row']").Length);
    }

    [Fact]
    public async Task Draft_CarriesConceptOnEveryPage_AndIsNotPublic()
    {
        var school = await CompleteSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var draft = Read(await GetPdfAsync(ib, $"/school/{school.Code}/documenten/2026-2027/sop.pdf"));
        Assert.NotEmpty(draft.Pages);
        Assert.All(draft.Pages, page => Assert.Contains("CONCEPT", page));
        Assert.True(draft.IsTagged);
        var page = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/2026-2027/sop");
        Assert.NotNull(page.QuerySelector("[data-testid='draft-mark']"));
        Assert.NotNull(page.QuerySelector("[data-testid='pdf-link']"));

        // Not published: the stable links say so, in Dutch, with a 404.
        var anonymous = Factory.CreatePortalClient();
        foreach (var url in new[] { $"/sop/{school.Code}", $"/sop/{school.Code}.pdf", $"/sop/{school.Code}/2026-2027.pdf", $"/sop/{school.Code}/ouderrapport" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var message = (await response.HtmlAsync()).QuerySelector("[data-testid='message']")?.TextContent;
            Assert.Matches("^Testschool \\d+ heeft (nog )?geen gepubliceerd schoolondersteuningsprofiel", message);
        }
    }

    [Theory]
    [InlineData("/sop/99ZZ99")]
    [InlineData("/sop/99ZZ99.pdf")]
    [InlineData("/sop/99ZZ99/2026-2027.pdf")]
    public async Task StableLink_OfUnknownSchool_IsADutch404(string url)
    {
        var response = await Factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("School niet gevonden", page.QuerySelector("[data-testid='message-title']")?.TextContent);
    }

    [Fact]
    public async Task StableLink_OfAnotherYear_IsADutch404()
    {
        var school = await AdoptedSchoolAsync();
        var response = await Factory.CreatePortalClient().GetAsync($"/sop/{school.Code}/2025-2026.pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("geen gepubliceerd schoolondersteuningsprofiel voor schooljaar 2025-2026", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Right after the demo's first start its SOPs are still being published in the background: a stable link
    /// of an existing school waits for that instead of answering 404; an unknown code does not wait.
    /// </summary>
    [Fact]
    public async Task StableLink_WaitsForTheDemosBackgroundPublishing_ThenServesThePdf()
    {
        var school = await CompleteSchoolAsync();
        var publishing = Factory.Services.GetRequiredService<Web.Data.Seeding.DemoPublishing>();
        var done = new TaskCompletionSource();
        publishing.Running = done.Task;
        try
        {
            var anonymous = Factory.CreatePortalClient();
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/sop/99ZZ99.pdf")).StatusCode);
            // The link has found no published SOP and the school's name: from there it waits, or answers 404.
            var lookedUp = Factory.Sql.RanAsync(command => command.CommandText.Contains("FROM \"Schools\"", StringComparison.Ordinal)
                && !command.CommandText.Contains("PublishedDocuments", StringComparison.Ordinal)
                && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, school.Code)));
            var request = anonymous.GetAsync($"/sop/{school.Code}.pdf");
            Assert.True(await Task.WhenAny(lookedUp, request) == lookedUp, "The link answered before it looked up the school.");

            var ib = await Factory.LoggedInClientAsync(school.Ib);
            await SubmitAsync(Factory, ib, school);
            Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(Factory, await Factory.LoggedInClientAsync(school.Director), school)).StatusCode);
            Assert.False(request.IsCompleted, "The link answered before the demo's publishing was done.");
            done.SetResult();

            // Had it not waited, it would have answered 404: the SOP was published only after its lookup.
            var response = await request;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            done.TrySetResult();
            publishing.Running = null;
        }

        // Publishing done: an unpublished school is a 404 at once.
        var other = await CompleteSchoolAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreatePortalClient().GetAsync($"/sop/{other.Code}.pdf")).StatusCode);
    }

    [Fact]
    public async Task PublishRetry_PublishesAnAdoptedScanWithoutVersion_OnlyForTheDirecteur()
    {
        var school = await AdoptedSchoolAsync();
        // As if rendering had failed at adoption: the adopted scan has no published version.
        await Factory.WithDbAsync(db => db.PublishedDocuments.Where(d => d.SchoolId == school.Id).ExecuteDeleteAsync());
        var documentsUrl = $"/school/{school.Code}/documenten?jaar=2026-2027";
        var retryUrl = $"/school/{school.Code}/documenten/2026-2027/publiceren";

        var ib = await Factory.LoggedInClientAsync(school.Ib);
        Assert.NotNull((await ib.GetHtmlAsync(documentsUrl)).QuerySelector("[data-testid='publish-pending']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ib.PostFormAsync(documentsUrl, retryUrl, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreatePortalClient().GetAsync($"/sop/{school.Code}.pdf")).StatusCode);

        var director = await Factory.LoggedInClientAsync(school.Director);
        Assert.Equal(HttpStatusCode.Redirect, (await director.PostFormAsync(documentsUrl, retryUrl, new Dictionary<string, string>())).StatusCode);
        var page = await director.GetHtmlAsync(documentsUrl);
        Assert.Null(page.QuerySelector("[data-testid='publish-pending']"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid='version-row']").Length);
        Assert.Contains(school.Code, Read(await GetPdfAsync(Factory.CreatePortalClient(), $"/sop/{school.Code}.pdf")).Text);

        // A second retry does not publish the same adoption twice.
        await director.PostFormAsync(documentsUrl, retryUrl, new Dictionary<string, string>());
        Assert.Equal(2, await Factory.WithDbAsync(db => db.PublishedDocuments.CountAsync(d => d.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Health_ReportsThePdfRenderer()
    {
        var response = await Factory.CreatePortalClient().GetStringAsync("/health");
        Assert.Contains("\"name\":\"pdf-renderer\",\"status\":\"Healthy\"", response);
    }
}
