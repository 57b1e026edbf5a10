using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Scans.Templates;
using Zout.Basisondersteuning.Web.Features.Frameworks;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Frameworks;

/// <summary>
/// The admin chooses what a school year's framework starts from: a copy of last year's or a template. Every test creates
/// "the next school year" of this class's own database, so each reads the year the page offers.
/// </summary>
public sealed class FrameworkTemplateFlowTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output), IClassFixture<PortalFactory>
{
    private const string Index = "/beheer/schooljaren";
    private const string CreateForm = "form[action='/beheer/schooljaren/nieuw']";

    private static string Option(string value) => $"#{FrameworkStart.FieldName}_{value}";

    /// <summary>Creates the next school year from the index page with <paramref name="framework"/> chosen; returns its name.</summary>
    private static async Task<string> CreateNextYearAsync(HttpClient admin, string framework)
    {
        var page = await admin.GetHtmlAsync(Index);
        var startYear = int.Parse(((IHtmlInputElement)page.QuerySelector($"{CreateForm} input[name='StartYear']")!).Value, CultureInfo.InvariantCulture);
        var response = await admin.SubmitAsync(page, CreateForm, v => v[FrameworkStart.FieldName] = framework);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SchoolYear.NameFor(startYear);
    }

    private Task<int> OpenScanWindowAsync(string yearName) =>
        Factory.WithDbAsync(async db =>
        {
            var year = await db.SchoolYears.SingleAsync(y => y.Name == yearName);
            // The fake clock stands on 23 November 2026.
            year.ScanOpensOn = new DateOnly(2026, 11, 1);
            year.ScanClosesOn = new DateOnly(2026, 12, 31);
            return await db.SaveChangesAsync();
        });

    [Theory]
    [InlineData("domeinen-aspecten")]
    [InlineData("25-afspraken")]
    [InlineData("vier-factoren")]
    public async Task Post_CreateYearFromTemplate_StoresTheTemplate_AndASchoolCanFillInADomainSection(string id)
    {
        var template = FrameworkTemplates.Find(id)!;
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var previous = await Factory.WithDbAsync(db => db.SchoolYears.OrderByDescending(y => y.StartYear).Select(y => y.Name).FirstOrDefaultAsync());
        var year = await CreateNextYearAsync(admin, id);

        var after = await admin.GetHtmlAsync(Index);
        // The framework from the template; the extra support (none here) from the year before, whatever the framework.
        Assert.Equal($"Schooljaar {year} is aangemaakt met het startkader '{template.Title}'. {CreateNextYear.DescribeSupport(previous, 0)}",
            after.QuerySelector("[data-testid='flash']")!.TextContent.Trim());
        var expected = FrameworkTemplates.Load(template);
        Assert.Equal(expected.ToJson(), await admin.ExportAsync(year));

        await OpenScanWindowAsync(year);
        var school = await Data.CreateSchoolAsync(s => s.WithStaff());
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var overview = await ib.GetHtmlAsync(school.Scan(year));
        Assert.Equal(ScanLayout.Sections(expected).Select(s => s.Slug), overview.TestIds("section-row", "data-section"));

        var domain = expected.Domains[0];
        var url = school.Section($"domein-{domain.Key}", year);
        var section = await ib.GetHtmlAsync(url);
        Assert.Equal(domain.Name, section.QuerySelector("[data-testid='section-title']")!.TextContent);
        await SaveOkAsync(ib, url, expected.Aspects.ToDictionary(a => ItemKey.Cell(domain.Key, a.Key).ToString(), _ => new ItemValues(Level: 3)));

        var stored = await Factory.WithDbAsync(db => db.ScanAnswers
            .Where(a => a.Scan.SchoolId == school.Id && a.Scan.SchoolYear.Name == year)
            .Select(a => new { a.ItemKey, a.Level }).ToListAsync());
        Assert.Equal(expected.Aspects.Select(a => ItemKey.Cell(domain.Key, a.Key).ToString()).Order(), stored.Select(a => a.ItemKey).Order());
        Assert.All(stored, a => Assert.Equal(3, a.Level));
        var saved = await ib.GetHtmlAsync(school.Scan(year));
        Assert.Equal("true", saved.QuerySelector($"[data-section='domein-{domain.Key}']")!.GetAttribute("data-complete"));
    }

    [Fact]
    public async Task Section_OfADomainWithItsOwnLevelTexts_ShowsThem_OtherDomainsTheAspects()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var year = await CreateNextYearAsync(admin, "vier-factoren");
        await OpenScanWindowAsync(year);
        var framework = FrameworkTemplates.Load(FrameworkTemplates.Find("vier-factoren")!);
        var expertise = framework.Aspects.Single(a => a.Key == "expertise");
        var hgw = framework.Domains.Single(d => d.Key == "handelingsgericht-werken");
        var school = await Data.CreateSchoolAsync(s => s.WithStaff());
        var ib = await Factory.LoggedInClientAsync(school.Ib);

        string LevelText(IHtmlDocument page, int level)
        {
            var cell = page.QuerySelector("[data-testid='cell'][data-key$=':expertise']")!;
            var radio = cell.QuerySelector($"input[type='radio'][value='{level}']")!;
            return page.GetElementById(radio.GetAttribute("aria-describedby")!)!.TextContent;
        }

        var own = await ib.GetHtmlAsync(school.Section("domein-handelingsgericht-werken", year));
        Assert.Equal(hgw.DescriptionFor(expertise, 3), LevelText(own, 3));
        Assert.NotEqual(expertise.DescriptionFor(3), LevelText(own, 3));
        var other = await ib.GetHtmlAsync(school.Section("domein-basiskwaliteit", year));
        Assert.Equal(expertise.DescriptionFor(3), LevelText(other, 3));

        // The admin sees them on the framework page too.
        var overview = await admin.GetHtmlAsync($"/beheer/schooljaren/{year}/kader");
        var table = overview.QuerySelector("[data-testid='domain-levels'][data-key='handelingsgericht-werken']")!;
        Assert.Contains(hgw.DescriptionFor(expertise, 3)!, table.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SchoolYears_OffersACopyOfTheLatestYearFirstAndCheckedThenEveryTemplate()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        await CreateNextYearAsync(admin, FrameworkTemplates.DefaultId);
        var page = await admin.GetHtmlAsync(Index);
        var latest = page.QuerySelector("[data-testid='year-row']")!.GetAttribute("data-year");

        var fieldset = page.QuerySelector($"{CreateForm} fieldset[data-testid='framework-start']")!;
        Assert.Equal("Startkader", fieldset.QuerySelector("legend")!.TextContent);
        var options = fieldset.QuerySelectorAll("input[type='radio']").Cast<IHtmlInputElement>().ToList();
        Assert.Equal([FrameworkStart.Copy, .. FrameworkTemplates.All.Select(t => t.Id)], options.Select(o => o.Value));
        Assert.All(options, o => Assert.Equal(FrameworkStart.FieldName, o.Name));
        Assert.Equal([FrameworkStart.Copy], options.Where(o => o.IsChecked).Select(o => o.Value));
        Assert.Equal($"Een kopie van het kader van {latest}", page.QuerySelector($"label[for='{options[0].Id}']")!.TextContent);
        Assert.All(FrameworkTemplates.All, t =>
        {
            Assert.Equal(t.Title, page.QuerySelector($"label[for='{FrameworkStart.FieldName}_{t.Id}']")!.TextContent);
            Assert.Equal(t.Description, page.GetElementById(page.QuerySelector(Option(t.Id))!.GetAttribute("aria-describedby")!)!.TextContent);
        });
    }

    [Fact]
    public async Task Post_CreateYear_WithoutAChoice_CopiesLikeBefore()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var first = await CreateNextYearAsync(admin, "25-afspraken");
        var page = await admin.GetHtmlAsync(Index);
        var startYear = ((IHtmlInputElement)page.QuerySelector($"{CreateForm} input[name='StartYear']")!).Value;

        // An older form posts the year alone: the new year copies the latest one, as it always did.
        var response = await admin.PostFormAsync(Index, "/beheer/schooljaren/nieuw", new Dictionary<string, string> { ["StartYear"] = startYear });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(await admin.ExportAsync(first), await admin.ExportAsync(SchoolYear.NameFor(int.Parse(startYear, CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("bestaat-niet")]
    [InlineData("KOPIE")]
    [InlineData("../domeinen-aspecten")]
    public async Task Post_CreateYear_WithAnUnknownChoice_ShowsADutchErrorNextToTheChoice_AndCreatesNothing(string choice)
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = await admin.GetHtmlAsync(Index);
        var count = await Factory.WithDbAsync(db => db.SchoolYears.CountAsync());

        var response = await admin.SubmitAsync(page, CreateForm, v => v[FrameworkStart.FieldName] = choice);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.HtmlAsync();
        AssertChoiceError(result, FrameworkStart.UnknownChoice);
        Assert.Equal(count, await Factory.WithDbAsync(db => db.SchoolYears.CountAsync()));
    }

    private static void AssertChoiceError(IHtmlDocument page, string message)
    {
        var fieldset = page.QuerySelector("fieldset[data-testid='framework-start']")!;
        var error = fieldset.QuerySelector($"[data-testid='error-{FrameworkStart.FieldName}']")!;
        Assert.Equal(message, error.TextContent.Trim());
        Assert.Equal(error.Id, fieldset.GetAttribute("aria-describedby"));
        Assert.Equal(FrameworkStart.FieldName, fieldset.Id);
        Assert.Equal($"#{FrameworkStart.FieldName}", page.QuerySelector("[data-testid='error-summary'] a")!.GetAttribute("href"));
        // Still a choice: one option checked, so submitting again is one click.
        Assert.Single(fieldset.QuerySelectorAll("input[type='radio']").Cast<IHtmlInputElement>(), o => o.IsChecked);
    }

    [Fact]
    public async Task Post_CreateYear_CopyWhenTheLatestYearHasNoFramework_ShowsADutchError()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = await admin.GetHtmlAsync(Index);
        var next = int.Parse(((IHtmlInputElement)page.QuerySelector($"{CreateForm} input[name='StartYear']")!).Value, CultureInfo.InvariantCulture);
        // A year made before frameworks existed: the latest one, without a framework.
        await Factory.WithDbAsync(db =>
        {
            db.SchoolYears.Add(SchoolYear.For(next));
            return db.SaveChangesAsync();
        });
        page = await admin.GetHtmlAsync(Index);
        Assert.Null(page.QuerySelector(Option(FrameworkStart.Copy)));
        Assert.True(((IHtmlInputElement)page.QuerySelector(Option(FrameworkTemplates.DefaultId))!).IsChecked);

        var response = await admin.SubmitAsync(page, CreateForm, v => v[FrameworkStart.FieldName] = FrameworkStart.Copy);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertChoiceError(await response.HtmlAsync(), FrameworkStart.NothingToCopy);
        Assert.False(await Factory.WithDbAsync(db => db.SchoolYears.AnyAsync(y => y.StartYear == next + 1)));

        // The year without a framework gets one on its own page: here the copy of the year before it is offered.
        var framework = await admin.GetHtmlAsync($"/beheer/schooljaren/{SchoolYear.NameFor(next)}/kader");
        var form = framework.QuerySelector("form[data-testid='start-framework-form']")!;
        Assert.NotNull(form.QuerySelector(Option(FrameworkStart.Copy)));
    }

    [Fact]
    public async Task Post_StartFramework_WithATemplateOrACopy_OrAnUnknownChoice()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var copied = await CreateNextYearAsync(admin, "vier-factoren");
        var startYear = int.Parse(copied[..4], CultureInfo.InvariantCulture);
        await Factory.WithDbAsync(db =>
        {
            db.SchoolYears.AddRange(SchoolYear.For(startYear + 1), SchoolYear.For(startYear + 2));
            return db.SaveChangesAsync();
        });
        var withTemplate = SchoolYear.NameFor(startYear + 2);
        var withCopy = SchoolYear.NameFor(startYear + 1);

        // A bad choice: the page again, with the error next to the choice, and still no framework.
        var page = await admin.GetHtmlAsync($"/beheer/schooljaren/{withTemplate}/kader");
        var response = await admin.SubmitAsync(page, "form[data-testid='start-framework-form']", v => v[FrameworkStart.FieldName] = "onbekend");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertChoiceError(await response.HtmlAsync(), FrameworkStart.UnknownChoice);
        Assert.False(await Factory.WithDbAsync(db => db.ScanFrameworks.AnyAsync(f => f.SchoolYear.Name == withTemplate)));

        response = await admin.SubmitAsync(page, "form[data-testid='start-framework-form']", v => v[FrameworkStart.FieldName] = "25-afspraken");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FrameworkTemplates.Load(FrameworkTemplates.Find("25-afspraken")!).ToJson(), await admin.ExportAsync(withTemplate));
        var after = await admin.GetHtmlAsync($"/beheer/schooljaren/{withTemplate}/kader");
        Assert.Equal($"Het kader van {withTemplate} is klaargezet met het startkader 'De 25 afspraken voor de sterke basis'. Pas het aan waar nodig.",
            after.QuerySelector("[data-testid='flash']")!.TextContent.Trim());

        // The copy is of the latest earlier year with a framework (the year between has none yet).
        page = await admin.GetHtmlAsync($"/beheer/schooljaren/{withCopy}/kader");
        Assert.Equal($"Een kopie van het kader van {copied}", page.QuerySelector($"label[for='{FrameworkStart.FieldName}_{FrameworkStart.Copy}']")!.TextContent);
        Assert.True(((IHtmlInputElement)page.QuerySelector(Option(FrameworkStart.Copy))!).IsChecked);
        response = await admin.SubmitAsync(page, "form[data-testid='start-framework-form']", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(await admin.ExportAsync(copied), await admin.ExportAsync(withCopy));
    }
}
