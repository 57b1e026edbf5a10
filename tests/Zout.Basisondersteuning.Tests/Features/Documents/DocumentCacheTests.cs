using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// A document whose data did not change is served from the cache (no new render); any change to what it shows
/// renders it again; the access decision still comes first. Needs Chromium.
/// </summary>
[Collection(Portals.Documents)]
public sealed class DocumentCacheTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private ChromiumPdfRenderer Chromium => Factory.Services.GetRequiredService<ChromiumPdfRenderer>();

    [Fact]
    public async Task UnchangedDocument_IsServedFromTheCache_AChangeOfItsData_RendersItAgain()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var url = $"/school/{school.Code}/documenten/2026-2027/sop.pdf";

        var rendersBefore = Chromium.Renders;
        var first = await PdfAsync(board, url);
        Assert.Equal(rendersBefore + 1, Chromium.Renders);

        // The same document for another user who may see it, and again: no render, the same bytes.
        var second = await PdfAsync(ib, url);
        var third = await PdfAsync(board, url);
        Assert.Equal(rendersBefore + 1, Chromium.Renders);
        Assert.Equal(first, second);
        Assert.Equal(first, third);

        // Cached or not, a user who may not see the school gets no document.
        var other = await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);

        // Changed answers (the levels the SOP shows) render it again.
        var changed = await Factory.WithDbAsync(db => db.ScanAnswers
            .Where(a => a.Scan.SchoolId == school.Id && a.Scan.SchoolYear.Name == "2026-2027" && a.Level != null && a.Level != 1)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Level, 1)));
        Assert.True(changed > 0);
        var afterAnswer = await PdfAsync(board, url);
        Assert.Equal(rendersBefore + 2, Chromium.Renders);
        Assert.NotEqual(first, afterAnswer);

        // So does a new name of the school (in the header and the title).
        await Factory.WithDbAsync(db => db.Schools.Where(s => s.Id == school.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Hernoemde school")));
        await PdfAsync(board, url);
        Assert.Equal(rendersBefore + 3, Chromium.Renders);
        Assert.Contains("Hernoemde school", string.Join(" ", Pdfs.Read(await PdfAsync(board, url)).Pages));
        Assert.Equal(rendersBefore + 3, Chromium.Renders);
    }

    [Fact]
    public void CacheKey_CoversEverythingThatIsPrinted_NotThePriority()
    {
        var request = new PdfRequest("<html><body>SOP</body></html>", "School", PaperSize.A4, "CONCEPT");
        var key = CachingPdfRenderer.Key(request);
        Assert.Equal(key, CachingPdfRenderer.Key(request with { Background = true }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { Html = "<html><body>SOP.</body></html>" }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { HeaderText = "Andere school" }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { FooterText = null }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { Paper = PaperSize.A3 }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { FitOnOnePage = true }));
        // The parts are separated: moving text from the header into the footer is another document.
        Assert.NotEqual(CachingPdfRenderer.Key(request with { HeaderText = "ab", FooterText = "c" }), CachingPdfRenderer.Key(request with { HeaderText = "a", FooterText = "bc" }));
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
