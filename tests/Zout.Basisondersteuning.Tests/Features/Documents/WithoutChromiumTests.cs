using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>The portal with a Chromium path that does not exist: as on a server without Chromium.</summary>
public sealed class NoChromiumFactory : ScanPortal
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Pdf:ChromiumPath"] = "/nonexistent/chromium" };
}

/// <summary>A portal of its own: without Chromium.</summary>
public sealed class WithoutChromiumTests(NoChromiumFactory factory, ITestOutputHelper output)
    : PortalTest<NoChromiumFactory>(factory, output), IClassFixture<NoChromiumFactory>
{
    [Fact]
    public async Task Health_IsDegraded_NotUnhealthy()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "pdf-renderer" && c.GetProperty("status").GetString() == "Degraded");
    }

    [Fact]
    public async Task Adoption_StillSucceeds_PublishingIsShownAsPending_AndPdfButtonsExplainInDutch()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        await SubmitAsync(Factory, ib, school);
        var director = await Factory.LoggedInClientAsync(school.Director);
        var adopt = await AdoptAsync(Factory, director, school);
        Assert.Equal(HttpStatusCode.Redirect, adopt.StatusCode);
        Assert.Equal(ScanStatus.Adopted, await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Status).SingleAsync()));
        var overview = await director.GetHtmlAsync(school.Scan());
        Assert.Contains("niet gelukt", overview.QuerySelector("[data-testid='flash']")?.TextContent);

        var documents = await director.GetHtmlAsync($"/school/{school.Code}/documenten?jaar=2026-2027");
        Assert.NotNull(documents.QuerySelector("[data-testid='publish-pending']"));
        Assert.NotNull(documents.QuerySelector("[data-testid='publish-retry']"));
        Assert.Contains("Chromium", documents.QuerySelector("[data-testid='pdf-unavailable']")?.TextContent);
        Assert.Empty(documents.QuerySelectorAll("[data-testid='document-pdf']"));
        // The IB-er sees the pending publication but cannot publish.
        var ibDocuments = await ib.GetHtmlAsync($"/school/{school.Code}/documenten?jaar=2026-2027");
        Assert.Null(ibDocuments.QuerySelector("[data-testid='publish-retry']"));

        // Retrying fails the same way, with a message; nothing half-stored.
        var retry = await director.PostFormAsync($"/school/{school.Code}/documenten?jaar=2026-2027", $"/school/{school.Code}/documenten/2026-2027/publiceren", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.PublishedDocuments.CountAsync(d => d.SchoolId == school.Id)));

        // The web page works; its PDF button explains what is missing; the PDF address says so with a 503.
        var page = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/2026-2027/sop");
        Assert.Contains("Chromium", page.QuerySelector("[data-testid='pdf-unavailable']")?.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='pdf-link']"));
        var pdf = await ib.GetAsync($"/school/{school.Code}/documenten/2026-2027/sop.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("niet geïnstalleerd", (await pdf.HtmlAsync()).QuerySelector("[data-testid='message']")?.TextContent);
    }
}
