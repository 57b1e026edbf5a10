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
