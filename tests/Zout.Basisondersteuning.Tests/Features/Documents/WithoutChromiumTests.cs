using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using static Zout.Basisondersteuning.Tests.Features.Documents.DocumentTestKit;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanTestKit;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>The portal with a Chromium path that does not exist: as on a server without Chromium.</summary>
public sealed class NoChromiumFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Pdf:ChromiumPath"] = "/nonexistent/chromium" };
}

public sealed class WithoutChromiumTests(NoChromiumFactory factory) : IClassFixture<NoChromiumFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => SeedYearsAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Health_IsDegraded_NotUnhealthy()
    {
        var response = await factory.CreatePortalClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "pdf-renderer" && c.GetProperty("status").GetString() == "Degraded");
    }

    [Fact]
    public async Task Adoption_StillSucceeds_PublishingIsShownAsPending_AndPdfButtonsExplainInDutch()
    {
        var school = await CompleteSchoolAsync(factory);
        var ib = await factory.LoggedInClientAsync(school.Ib);
        await SubmitAsync(factory, ib, school);
        var director = await factory.LoggedInClientAsync(school.Director);
        var adopt = await AdoptAsync(factory, director, school);
        Assert.Equal(HttpStatusCode.Redirect, adopt.StatusCode);
        Assert.Equal(ScanStatus.Adopted, await factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Status).SingleAsync()));
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
        Assert.Equal(0, await factory.WithDbAsync(db => db.PublishedDocuments.CountAsync(d => d.SchoolId == school.Id)));

        // The web page works; its PDF button explains what is missing; the PDF address says so with a 503.
        var page = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/2026-2027/sop");
        Assert.Contains("Chromium", page.QuerySelector("[data-testid='pdf-unavailable']")?.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='pdf-link']"));
        var pdf = await ib.GetAsync($"/school/{school.Code}/documenten/2026-2027/sop.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("niet geïnstalleerd", (await pdf.HtmlAsync()).QuerySelector("[data-testid='message']")?.TextContent);
    }
}
