using System.Globalization;
using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.Frameworks;

[Collection(Portals.Administration)]
public sealed class FrameworkEditorTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private const string ConflictMessage = "Iemand anders heeft het kader intussen gewijzigd.";

    private static string Url(int startYear, string editor) => $"/beheer/schooljaren/{FrameworkPages.Year(startYear)}/kader/{editor}";

    private Task<HttpClient> AdminAsync() => Factory.LoggedInClientAsync(World.Admin);

    [Fact]
    public async Task Post_AddDomain_GeneratesKeyFromNameAndKeepsTheOthers()
    {
        await Data.CreateYearAsync(2060, y => y.FrameworkStillEditable());
        var (_, version) = await Factory.StoredAsync(2060);
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2060, "domeinen"));
        Assert.Equal(["taal-lezen", "rekenen", "", "", ""], page.TestIds("list-row", "data-key"));

        var response = await client.SubmitListAsync(page, v =>
        {
            v["Rows[2].Values[name]"] = "Meer- en hoogbegaafdheid";
            v["Rows[2].Values[description]"] = "Signaleren en een passend aanbod.";
            v["Rows[2].Values[examples]"] = "Plusklas\r\n\r\nCompacten en verrijken\r\n";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url(2060, "domeinen"), response.Location());

        var stored = await Factory.StoredAsync(2060);
        Assert.Equal(version + 1, stored.Version);
        var domains = FrameworkDefinition.FromJson(stored.Json).Domains;
        Assert.Equal(["taal-lezen", "rekenen", "meer-en-hoogbegaafdheid"], domains.Select(d => d.Key));
        Assert.Equal(["Plusklas", "Compacten en verrijken"], domains[2].Examples);
        Assert.Equal(["Dyslexie"], domains[0].Examples);

        var after = await client.GetHtmlAsync(Url(2060, "domeinen"));
        Assert.Equal("Domeinen: de wijzigingen zijn opgeslagen.", after.QuerySelector("[data-testid='flash']")!.TextContent.Trim());
        Assert.Contains("meer-en-hoogbegaafdheid", after.TestIds("list-row", "data-key"));
    }

    [Fact]
    public async Task Post_KeyFigures_MarkedPublicInTheSop_AreStored_AndShownOnTheOverview()
    {
        await Data.CreateYearAsync(2096, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2096, "kengetallen"));
        Assert.NotNull(page.QuerySelector("input[type='checkbox'][name='Rows[0].Values[publicInSop]']"));
        Assert.Null(page.QuerySelector("input[name='Rows[0].Values[publicInSop]'][checked]"));

        var response = await client.SubmitListAsync(page, v =>
        {
            v["Rows[0].Values[publicInSop]"] = "true";
            v["Rows[1].Values[name]"] = "Aantal thuiszitters";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var figures = (await Factory.StoredDefinitionAsync(2096)).KeyFigures;
        Assert.Equal([("arrangementen", true), ("aantal-thuiszitters", false)], figures.Select(k => (k.Key, k.PublicInSop)));

        var overview = await client.GetHtmlAsync($"/beheer/schooljaren/{FrameworkPages.Year(2096)}/kader");
        var rows = overview.QuerySelectorAll("[data-testid='key-figures'] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal("Openbaar in het SOP", overview.QuerySelectorAll("[data-testid='key-figures'] thead th")[3].TextContent.Trim());
        Assert.Equal(["ja", "nee"], rows.Select(r => r[3].ToLowerInvariant()).ToArray());
    }

    /// <summary>A framework written before the field existed stays valid; its key figures are not public.</summary>
    [Fact]
    public void KeyFigure_WithoutPublicInSop_IsNotPublic_AndExportsTheField()
    {
        const string Json = """{ "keyFigures": [ { "key": "thuiszitters", "name": "Aantal thuiszitters", "unit": "leerlingen", "required": false } ] }""";
        var (definition, problem) = Web.Features.Frameworks.ImportFramework.Parse(Json);
        Assert.Null(problem);
        Assert.False(Assert.Single(definition!.KeyFigures).PublicInSop);
        Assert.Contains("\"publicInSop\": false", definition.ToJson(), StringComparison.Ordinal);
        Assert.True(Web.Features.Frameworks.ImportFramework.Parse(Json.Replace("\"required\": false", "\"required\": false, \"publicInSop\": true", StringComparison.Ordinal))
            .Definition!.KeyFigures[0].PublicInSop);
    }

    [Fact]
    public async Task Post_AddDomainWithTheNameOfAnExistingOne_GetsAUniqueKey()
    {
        await Data.CreateYearAsync(2061, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2061, "domeinen"));

        var response = await client.SubmitListAsync(page, v => v["Rows[3].Values[name]"] = "Rekenen");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["taal-lezen", "rekenen", "rekenen-2"], (await Factory.StoredDefinitionAsync(2061)).Domains.Select(d => d.Key));
    }

    [Fact]
    public async Task Post_WithAStaleVersion_IsRefusedAndShowsTheCurrentState()
    {
        await Data.CreateYearAsync(2062, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2062, "domeinen"));

        // Meanwhile another admin renames the first domain.
        var theirs = TestData.SmallFramework();
        theirs.Domains[0].Name = "Taal en lezen (door een ander gewijzigd)";
        await Data.CreateYearAsync(2062, y => y.FrameworkStillEditable().WithFramework(theirs));
        var storedByThem = await Factory.StoredAsync(2062);

        var response = await client.SubmitListAsync(page, v => v["Rows[1].Values[name]"] = "Rekenen en wiskunde");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var result = await response.HtmlAsync();
        Assert.Contains(result.Errors(), e => e.StartsWith(ConflictMessage, StringComparison.Ordinal));
        Assert.Equal("Taal en lezen (door een ander gewijzigd)", result.Value("#Rows_0__Values_name_"));
        Assert.Equal("Rekenen", result.Value("#Rows_1__Values_name_"));
        Assert.Equal(storedByThem.Version.ToString(CultureInfo.InvariantCulture), result.Value("input[name='Version']"));
        Assert.Equal(storedByThem, await Factory.StoredAsync(2062));

        // Saving again from the refreshed form works.
        response = await client.SubmitListAsync(result, v => v["Rows[1].Values[name]"] = "Rekenen en wiskunde");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Taal en lezen (door een ander gewijzigd)", "Rekenen en wiskunde"], (await Factory.StoredDefinitionAsync(2062)).Domains.Select(d => d.Name));
    }

    [Fact]
    public async Task Post_GeneralWithAStaleVersion_IsRefused()
    {
        await Data.CreateYearAsync(2063, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2063, "algemeen"));
        await Data.CreateYearAsync(2063, y => y.FrameworkStillEditable().WithFramework(TestData.SmallFramework()));
        var before = await Factory.StoredAsync(2063);

        var response = await client.SubmitAsync(page, "form[action$='/algemeen']", v => v["Input.Name"] = "Mijn kader");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var result = await response.HtmlAsync();
        Assert.Contains(result.Errors(), e => e.StartsWith(ConflictMessage, StringComparison.Ordinal));
        Assert.Equal("Testkader", result.Value("#Input_Name"));
        Assert.Equal(before, await Factory.StoredAsync(2063));
    }

    [Theory]
    [InlineData("domeinen")]
    [InlineData("algemeen")]
    [InlineData("aanbod/expertise")]
    public async Task Editor_WhenTheScanIsOpen_IsRefused(string editor)
    {
        await Data.CreateYearAsync(2064, y => y.ScanOpenOnTheTestDate());
        var before = await Factory.StoredAsync(2064);
        var client = await AdminAsync();

        var page = await client.GetHtmlAsync(Url(2064, editor));
        Assert.Contains("Vanaf dan ligt het kader vast", page.QuerySelector("[data-testid='not-editable']")!.TextContent);
        Assert.Null(page.QuerySelector("form[data-testid='list-form']"));

        // A form loaded before the scan opened, posted now.
        var response = await client.PostFormAsync("/beheer/schooljaren", Url(2064, editor), new Dictionary<string, string>
        {
            ["Version"] = before.Version.ToString(CultureInfo.InvariantCulture),
            ["Rows[0].Key"] = "taal-lezen",
            ["Rows[0].Values[name]"] = "Gewijzigd",
            ["Input.Version"] = before.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = "Gewijzigd",
            ["Input.AmountPerPupil"] = "1",
            ["Input.RequiredAtOrBelowLevel"] = "2",
            ["Input.ExplanationMaxLength"] = "1000",
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull((await response.HtmlAsync()).QuerySelector("[data-testid='not-editable']"));
        Assert.Equal(before, await Factory.StoredAsync(2064));
    }

    [Fact]
    public async Task Post_RemoveAndReorderDomains()
    {
        var framework = TestData.SmallFramework();
        framework.Domains.Add(new DomainDefinition { Key = "jonge-kind", Name = "Jonge kind" });
        await Data.CreateYearAsync(2065, y => y.FrameworkStillEditable().WithFramework(framework));
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2065, "domeinen"));

        var response = await client.SubmitListAsync(page, v =>
        {
            v["Rows[0].Remove"] = "true";
            v["Rows[1].Position"] = "9";
            v["Rows[2].Position"] = "1";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["jonge-kind", "rekenen"], (await Factory.StoredDefinitionAsync(2065)).Domains.Select(d => d.Key));
    }

    [Fact]
    public async Task Post_ProblemsAreShownNextToTheirFieldsAndNothingIsStored()
    {
        await Data.CreateYearAsync(2066, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2066);
        var client = await AdminAsync();

        var domains = await client.GetHtmlAsync(Url(2066, "domeinen"));
        var response = await client.SubmitListAsync(domains, v =>
        {
            v["Rows[0].Values[name]"] = "";
            v["Rows[1].Values[description]"] = "Gewijzigde omschrijving";
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.HtmlAsync();
        Assert.Equal("Domein 1, Naam: De naam van het domein ontbreekt.", result.QuerySelector("[data-testid='error-Rows_0__Values_name_'] p")!.TextContent);
        Assert.Contains("Domein 1, Naam: De naam van het domein ontbreekt.", result.Errors());
        Assert.Equal("Gewijzigde omschrijving", (result.QuerySelector("#Rows_1__Values_description_") as AngleSharp.Html.Dom.IHtmlTextAreaElement)!.Value);

        var agreements = await client.GetHtmlAsync(Url(2066, "afspraken"));
        response = await client.SubmitListAsync(agreements, v =>
        {
            v["Rows[1].Values[number]"] = "1";
            v["Rows[2].Values[number]"] = "drie";
            v["Rows[2].Values[text]"] = "Een nieuwe afspraak.";
        });
        result = await response.HtmlAsync();
        Assert.Contains("Afspraak nummer 1 komt twee keer voor", result.QuerySelector("[data-testid='error-Rows_1__Values_number_']")!.TextContent);
        // Only the reading problem, not also a rule problem about the number it could not read.
        var numberErrors = result.QuerySelectorAll("[data-testid='error-Rows_2__Values_number_'] p").Select(p => p.TextContent).ToList();
        Assert.Equal(["Afspraak 3, Nummer: 'drie' is geen heel getal; vul een getal in, zoals 3."], numberErrors);
        Assert.Equal("drie", result.Value("#Rows_2__Values_number_"));

        Assert.Equal(before, await Factory.StoredAsync(2066));
    }

    [Fact]
    public async Task Post_Agreements_AddsOneAndChangesWhetherTheScoreIsShown()
    {
        await Data.CreateYearAsync(2067, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2067, "afspraken"));

        var response = await client.SubmitListAsync(page, v =>
        {
            v.Remove("Rows[1].Values[showScoreInSop]");
            v["Rows[2].Values[number]"] = "3";
            v["Rows[2].Values[text]"] = "Ons team werkt handelingsgericht.";
            v["Rows[2].Values[category]"] = "Handelingsgericht werken";
            v["Rows[3].Values[number]"] = "0";
            v["Rows[3].Values[text]"] = "";
        });
        // A row with only a number is not empty: its missing text and number 0 are problems.
        var result = await response.HtmlAsync();
        Assert.Contains("groter dan 0", result.QuerySelector("[data-testid='error-Rows_3__Values_number_']")!.TextContent);
        Assert.Contains("De tekst van de afspraak ontbreekt.", result.QuerySelector("[data-testid='error-Rows_3__Values_text_']")!.TextContent);

        response = await client.SubmitListAsync(result, v => v["Rows[3].Values[number]"] = "");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var agreements = (await Factory.StoredDefinitionAsync(2067)).Agreements;
        Assert.Equal([1, 2, 3], agreements.Select(a => a.Number));
        Assert.Equal([false, false, false], agreements.Select(a => a.ShowScoreInSop));
        Assert.Equal("ons-team-werkt-handelingsgericht", agreements[2].Key);
        Assert.Equal(["1", "2"], agreements.Take(2).Select(a => a.Key));
    }

    [Fact]
    public async Task Post_OfferingItem_KeyIsUniqueAcrossGroups()
    {
        await Data.CreateYearAsync(2068, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2068, "aanbod/expertise"));
        Assert.Equal("Aanbod: Expertise in het team", page.QuerySelector("h1")!.TextContent);

        var response = await client.SubmitListAsync(page, v =>
        {
            v["Rows[2].Values[name]"] = "Lift";
            v["Rows[2].Values[quantityUnit]"] = "fte";
            v["Rows[2].Values[asksNote]"] = "true";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = (await Factory.StoredDefinitionAsync(2068)).OfferingGroups[0].Items[2];
        Assert.Equal(("lift-2", "Lift", "fte", true), (item.Key, item.Name, item.QuantityUnit, item.AsksNote));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(2068, "aanbod/onbekend"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(2068, "onbekend"))).StatusCode);
    }

    [Fact]
    public async Task Post_General_SavesNameAmountAndRules()
    {
        await Data.CreateYearAsync(2069, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2069, "algemeen"));

        var response = await client.SubmitAsync(page, "form[action$='/algemeen']", v => v["Input.AmountPerPupil"] = "veel");
        var result = await response.HtmlAsync();
        Assert.Equal("Vul een bedrag in euro's in, zoals 140 of 140,50.", result.QuerySelector("[data-testid='error-Input_AmountPerPupil'] p")!.TextContent);
        Assert.Equal("veel", result.Value("#Input_AmountPerPupil"));

        response = await client.SubmitAsync(result, "form[action$='/algemeen']", v =>
        {
            v["Input.Name"] = "Kader 2069";
            v["Input.AmountPerPupil"] = "150,50";
            v["Input.RequiredAtOrBelowLevel"] = "1";
            v.Remove("Input.RequiredForTarget");
            v["Input.ExplanationMaxLength"] = "2000";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Factory.StoredDefinitionAsync(2069);
        Assert.Equal(("Kader 2069", 150.50m, 1, false, 2000),
            (stored.Name, stored.AmountPerPupil, stored.Rules.RequiredAtOrBelowLevel, stored.Rules.RequiredForTarget, stored.Rules.MaxLength));
    }

    [Fact]
    public async Task Post_RemoveALevelThatIsStillDescribed_NamesTheProblemElsewhere()
    {
        await Data.CreateYearAsync(2070, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2070);
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2070, "niveaus"));

        var response = await client.SubmitListAsync(page, v => v["Rows[3].Remove"] = "true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aspects[0].levelDescriptions[0].level: Niveau 4 bestaat niet in de niveauschaal (1 t/m 3).", (await response.HtmlAsync()).Errors());
        Assert.Equal(before, await Factory.StoredAsync(2070));
    }

    [Fact]
    public async Task Post_Aspects_EditsLevelDescriptions()
    {
        await Data.CreateYearAsync(2071, y => y.FrameworkStillEditable());
        var client = await AdminAsync();
        var page = await client.GetHtmlAsync(Url(2071, "aspecten"));
        Assert.Equal("Het team kan anderen ondersteunen.", (page.QuerySelector("#Rows_0__Values_level-4_") as AngleSharp.Html.Dom.IHtmlTextAreaElement)!.Value);

        var response = await client.SubmitListAsync(page, v =>
        {
            v["Rows[0].Values[level-1]"] = "Geen kennis in het team.";
            v["Rows[0].Values[level-4]"] = "";
            v["Rows[2].Values[name]"] = "Borging";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var aspects = (await Factory.StoredDefinitionAsync(2071)).Aspects;
        Assert.Equal(["expertise", "aanbod", "borging"], aspects.Select(a => a.Key));
        Assert.Equal([(1, "Geen kennis in het team.")], aspects[0].LevelDescriptions.Select(d => (d.Level, d.Text)));
    }
}
