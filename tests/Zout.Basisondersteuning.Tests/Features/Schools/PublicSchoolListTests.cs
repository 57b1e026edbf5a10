using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Features.Schools;

namespace Zout.Basisondersteuning.Tests.Features.Schools;

/// <summary>The public list of schools comes in pages: a partnership of thousands of schools does not send them all at once.</summary>
[Collection(Portals.Main)]
public sealed class PublicSchoolListTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task ManySchools_ArePaged_TheSearchKeptOnEveryPage()
    {
        var count = PublicSchoolList.PageSize + 3;
        for (var i = 0; i < count; i++)
        {
            await Data.CreateSchoolAsync(s => s.Named($"Pagineerschool {i:000}"));
        }

        var client = Factory.CreatePortalClient();
        var first = await client.GetHtmlAsync("/scholen?zoek=Pagineerschool");
        Assert.Equal($"{count} scholen gevonden, u ziet 1 tot en met {PublicSchoolList.PageSize}.", first.QuerySelector("[data-testid='result-count']")!.TextContent.Trim());
        var firstNames = Names(first);
        Assert.Equal(PublicSchoolList.PageSize, firstNames.Count);
        Assert.Equal("Pagineerschool 000", firstNames[0]);

        var next = first.QuerySelector("[data-testid='pager-next']")!.GetAttribute("href");
        Assert.Equal("/scholen?zoek=Pagineerschool&pagina=2", next);
        var second = await client.GetHtmlAsync(next!);
        Assert.Equal(Enumerable.Range(PublicSchoolList.PageSize, 3).Select(i => $"Pagineerschool {i:000}"), Names(second));
        Assert.Null(second.QuerySelector("[data-testid='pager-next']"));
        // A page beyond the last shows the last.
        Assert.Equal(Names(second), Names(await client.GetHtmlAsync("/scholen?zoek=Pagineerschool&pagina=99")));
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='school-row'] th a").Select(a => a.TextContent.Trim()).ToList();
}

/// <summary>The public list is kept in memory and still shows what changed at once (publishing needs the documents portal).</summary>
[Collection(Portals.Documents)]
public sealed class PublicSchoolListFreshnessTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    /// <summary>
    /// The list without a search is kept in memory (issue 15), yet a new school and a newly published SOP show in it at once:
    /// the structure and published counters are in its key.
    /// </summary>
    [Fact]
    public async Task TheKeptList_ShowsANewSchoolAndANewlyPublishedSop_AtOnce()
    {
        var anonymous = Factory.CreatePortalClient();
        await AllCodesAsync(anonymous, "/scholen");
        await AllCodesAsync(anonymous, "/scholen?aanbod=dyslexiespecialist");

        var school = await Scans.ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var all = await AllCodesAsync(anonymous, "/scholen");
        Assert.Contains(school.Code, all.Keys);
        Assert.False(all[school.Code], "No SOP is published yet");
        Assert.DoesNotContain(school.Code, (await AllCodesAsync(anonymous, "/scholen?aanbod=dyslexiespecialist")).Keys);

        await Scans.ScanForms.SubmitAsync(Factory, await Factory.LoggedInClientAsync(school.Ib), school);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Scans.ScanForms.AdoptAsync(Factory, await Factory.LoggedInClientAsync(school.Director), school)).StatusCode);
        Assert.True((await AllCodesAsync(anonymous, "/scholen"))[school.Code], "The published SOP is linked at once");
        Assert.Contains(school.Code, (await AllCodesAsync(anonymous, "/scholen?aanbod=dyslexiespecialist")).Keys);
    }

    /// <summary>Every school on every page of a list, with whether its row links a published SOP.</summary>
    private static async Task<Dictionary<string, bool>> AllCodesAsync(HttpClient client, string url)
    {
        var codes = new Dictionary<string, bool>();
        for (string? next = url; next is not null;)
        {
            var page = await client.GetHtmlAsync(next);
            foreach (var row in page.QuerySelectorAll("[data-testid='school-row']"))
            {
                codes[row.GetAttribute("data-code")!] = row.QuerySelector("[data-testid='sop-link']") is not null;
            }

            next = page.QuerySelector("[data-testid='pager-next']")?.GetAttribute("href");
        }

        return codes;
    }
}
