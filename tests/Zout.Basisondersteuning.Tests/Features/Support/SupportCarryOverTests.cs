using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans.Templates;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Features.Frameworks;

namespace Zout.Basisondersteuning.Tests.Features.Support;

/// <summary>
/// A new school year starts with last year's arrangements and texts, editable; a partnership's first year with the default
/// texts of the seeds. A portal of its own: the test creates "the next school year" of its database, twice.
/// </summary>
public sealed class SupportCarryOverTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output), IClassFixture<PortalFactory>
{
    private const string Years = "/beheer/schooljaren";
    private const string CreateForm = "form[action='/beheer/schooljaren/nieuw']";

    private static async Task<string> CreateNextYearAsync(HttpClient admin, string framework)
    {
        var page = await admin.GetHtmlAsync(Years);
        var startYear = ((IHtmlInputElement)page.QuerySelector($"{CreateForm} input[name='StartYear']")!).Value;
        var response = await admin.SubmitAsync(page, CreateForm, v => v[FrameworkStart.FieldName] = framework);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return $"{startYear}-{int.Parse(startYear, System.Globalization.CultureInfo.InvariantCulture) + 1}";
    }

    private Task<List<SupportArrangement>> ArrangementsAsync(string year) =>
        Factory.WithDbAsync(db => db.SupportArrangements.AsNoTracking().Include(a => a.Regions)
            .Where(a => a.SchoolYear.Name == year).OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync());

    private Task<SupportOffering> TextsAsync(string year) =>
        Factory.WithDbAsync(db => db.SupportOfferings.AsNoTracking().SingleAsync(o => o.SchoolYear.Name == year));

    [Fact]
    public async Task NewYear_StartsWithDefaults_ThenTheNextCopiesArrangementsAndTexts_WhichStayEditableOnTheirOwn()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);

        // The partnership's first year: the default texts of the seeds, no arrangements.
        var first = await CreateNextYearAsync(admin, FrameworkTemplates.DefaultId);
        Assert.Equal($"Schooljaar {first} is aangemaakt met het startkader 'Domeinen x aspecten'. {CreateNextYear.DescribeSupport(null, 0)}",
            (await admin.GetHtmlAsync(Years)).QuerySelector("[data-testid='flash']")!.TextContent.Trim());
        var defaults = await TextsAsync(first);
        Assert.Equal(SupportDefaults.SopFraming, defaults.SopFraming);
        Assert.Equal(SupportDefaults.PhaseTitles, defaults.Phases().Select(p => p.Title));
        Assert.Equal(SupportDefaults.PhaseTexts, defaults.Phases().Select(p => p.Text));
        Assert.Equal(SupportDefaults.FollowUp, defaults.FollowUp);
        Assert.Empty(await ArrangementsAsync(first));

        // The admin describes that year: two arrangements and the own texts.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostArrangementAsync(first, SupportPages.Arrangement("TOP-groep",
            durations: ["ShortTerm", "LongTerm"], regionIds: [World.North.Id], hostSchoolId: World.SchoolA1.Id, places: "10"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostArrangementAsync(first, SupportPages.Arrangement("IMPULS-groep", relation: "Additional",
            status: "InDevelopment", durations: ["MediumTerm"]))).StatusCode);
        var texts = await admin.SubmitAsync(await admin.GetHtmlAsync(SupportPages.YearPage(first)), "[data-testid='texts-form']", new Dictionary<string, string>
        {
            ["Texts.SopFraming"] = "Dit profiel is een momentopname van ons samenwerkingsverband.",
            ["Texts.Phase1Title"] = "Fase 1: de school zelf",
        });
        Assert.Equal(HttpStatusCode.Redirect, texts.StatusCode);

        // The next year, started from a template: the framework is new, the extra support is last year's.
        var next = await CreateNextYearAsync(admin, "vier-factoren");
        Assert.Equal($"Schooljaar {next} is aangemaakt met het startkader 'Vier factoren'. Arrangementen en teksten over extra ondersteuning zijn overgenomen van {first} (2 arrangementen).",
            (await admin.GetHtmlAsync(Years)).QuerySelector("[data-testid='flash']")!.TextContent.Trim());

        var before = await ArrangementsAsync(first);
        var copied = await ArrangementsAsync(next);
        Assert.Equal(before.Count, copied.Count);
        foreach (var (original, copy) in before.Zip(copied))
        {
            Assert.NotEqual(original.Id, copy.Id);
            Assert.Equal(
                (original.Name, original.Description, original.TargetGroup, original.Form, original.Relation, original.Durations, original.Status, original.HostSchoolId,
                    original.Location, original.Places, original.HowToApply, original.Contact, original.SortOrder),
                (copy.Name, copy.Description, copy.TargetGroup, copy.Form, copy.Relation, copy.Durations, copy.Status, copy.HostSchoolId,
                    copy.Location, copy.Places, copy.HowToApply, copy.Contact, copy.SortOrder));
            Assert.Equal(original.Regions.Select(r => r.Id), copy.Regions.Select(r => r.Id));
        }

        Assert.Equal(ArrangementDurations.ShortTerm | ArrangementDurations.LongTerm, copied.Single(a => a.Name == "TOP-groep").Durations);
        var copiedTexts = await TextsAsync(next);
        Assert.Equal("Dit profiel is een momentopname van ons samenwerkingsverband.", copiedTexts.SopFraming);
        Assert.Equal("Fase 1: de school zelf", copiedTexts.Phase1Title);
        Assert.Equal(SupportDefaults.PhaseTexts[2], copiedTexts.Phase3);
        Assert.Equal(SupportDefaults.FollowUp, copiedTexts.FollowUp);

        // Editable in the new year, without touching last year's.
        var top = copied.Single(a => a.Name == "TOP-groep");
        var edit = await admin.GetHtmlAsync($"{SupportPages.YearPage(next)}/arrangementen/{top.Id}");
        Assert.Equal(["ShortTerm", "LongTerm"], edit.QuerySelectorAll("input[name='Input.Durations'][checked]").Select(i => i.GetAttribute("value")));
        var changed = await admin.SubmitAllAsync(edit, "[data-testid='arrangement-form']", new Dictionary<string, string> { ["Input.Name"] = "TOP-groep Zeist", ["Input.Places"] = "14" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var edited = (await ArrangementsAsync(next)).Single(a => a.Id == top.Id);
        Assert.Equal(("TOP-groep Zeist", 14, ArrangementDurations.ShortTerm | ArrangementDurations.LongTerm, World.North.Id), (edited.Name, edited.Places, edited.Durations, edited.Regions.Single().Id));
        Assert.Equal(["IMPULS-groep", "TOP-groep"], (await ArrangementsAsync(first)).Select(a => a.Name).Order());
        Assert.Equal(10, (await ArrangementsAsync(first)).Single(a => a.Name == "TOP-groep").Places);

        var nextTexts = await admin.SubmitAsync(await admin.GetHtmlAsync(SupportPages.YearPage(next)), "[data-testid='texts-form']",
            new Dictionary<string, string> { ["Texts.SopFraming"] = "Nieuw jaar, nieuwe tekst." });
        Assert.Equal(HttpStatusCode.Redirect, nextTexts.StatusCode);
        Assert.Equal("Dit profiel is een momentopname van ons samenwerkingsverband.", (await TextsAsync(first)).SopFraming);
        Assert.Equal("Nieuw jaar, nieuwe tekst.", (await TextsAsync(next)).SopFraming);
    }
}
